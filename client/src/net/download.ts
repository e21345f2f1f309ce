/**
 * Saves a file the server gives only to the facilitator (exports): fetched with the token in
 * an `Authorization` header — never in the URL, where it would land in histories, server logs
 * and Referer headers — then saved from a Blob under the name the server chose.
 */
import { downloadError, fileNameFrom } from "../viewmodels/download";

/** The answer to `url` fetched with the token in a header; rejects as `downloadWithToken` does. */
async function fetchWithToken(url: string, token: string): Promise<Response> {
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${token}` },
    cache: "no-store",
    credentials: "omit",
  });
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    throw downloadError(res.status, body);
  }
  return res;
}

/** A JSON file the facilitator may read (a workshop's export, to print it). */
export async function fetchJsonWithToken(url: string, token: string): Promise<unknown> {
  return (await fetchWithToken(url, token)).json() as Promise<unknown>;
}

/** Rejects with the server's `{ code, message }` (or a network error) for `errorKey`. */
export async function downloadWithToken(
  url: string,
  token: string,
  fallbackName: string,
): Promise<void> {
  const res = await fetchWithToken(url, token);
  const blob = await res.blob();
  const name = fileNameFrom(res.headers.get("content-disposition"), fallbackName);
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the Blob by now; give it a moment before letting it go.
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}
