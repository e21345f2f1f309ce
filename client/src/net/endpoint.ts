/**
 * Where the Colyseus server is. In production the server serves this page, so it is the page's
 * own origin; under `npm run dev` (Vite on 5173) it is VITE_ELAN_SERVER or the same host on 2567.
 */
export const DEV_SERVER_PORT = 2567;

export function serverUrl(
  location: Pick<Location, "protocol" | "host" | "hostname" | "origin">,
  dev: boolean,
  override?: string,
): string {
  if (override) return override;
  if (dev) return `${location.protocol}//${location.hostname}:${DEV_SERVER_PORT}`;
  return location.origin;
}
