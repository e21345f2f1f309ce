/**
 * The few plain HTTP calls the app makes besides the rooms: where participants join
 * (`GET /api/address`) and a facilitator's workshops (`GET /api/workshops`, token in the
 * `Authorization` header only).
 */
import { parseServerAddress, type ServerAddress } from "../viewmodels/joinAddress";
import { parseWorkshopList, type WorkshopSummary } from "../viewmodels/workshops";
import { serverUrl } from "./endpoint";

function apiBase(): string {
  return serverUrl(
    window.location,
    import.meta.env.MODE === "development",
    import.meta.env.VITE_ELAN_SERVER,
  );
}

let address: Promise<ServerAddress | null> | null = null;

/** Asked once per page; null when the server cannot say (the page's own address is used). */
export function serverAddress(): Promise<ServerAddress | null> {
  address ??= fetch(`${apiBase()}/api/address`, { cache: "no-store", credentials: "omit" })
    .then(async (res) => (res.ok ? parseServerAddress(await res.json()) : null))
    .catch(() => null);
  return address;
}

export type WorkshopListAnswer =
  { ok: true; workshops: WorkshopSummary[] } | { ok: false; limited: boolean };

export async function listWorkshops(token: string): Promise<WorkshopListAnswer> {
  try {
    const res = await fetch(`${apiBase()}/api/workshops`, {
      headers: { Authorization: `Bearer ${token}` },
      cache: "no-store",
      credentials: "omit",
    });
    if (!res.ok) return { ok: false, limited: res.status === 429 };
    return { ok: true, workshops: parseWorkshopList(await res.json(), token) };
  } catch {
    return { ok: false, limited: false };
  }
}
