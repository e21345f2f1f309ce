/**
 * Downloads that need the facilitator token (exports): what to call the file, and what a
 * refusal means. Pure: the fetch and the save are in net/download.ts.
 */
import type { ErrorMessage } from "../../../shared/protocol/errors";

/**
 * The file name a `Content-Disposition` header gives (`filename*=UTF-8''…` first, then
 * `filename="…"`), reduced to a safe base name; `fallback` when there is none.
 */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  let name: string | undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition);
  if (extended?.[2]) {
    try {
      name = decodeURIComponent(extended[2].trim());
    } catch {
      name = undefined;
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(disposition);
    name = (plain?.[1]?.replace(/\\(.)/g, "$1") ?? plain?.[2])?.trim();
  }
  // Never a path, never a hidden or empty name.
  const base = (name ?? "").split(/[\\/]/).pop()?.replace(/^\.+/, "").trim() ?? "";
  return base || fallback;
}

/**
 * What a failed download answered, as something `errorKey` translates: the server's
 * `{ code, message }` when it sent one, else an error naming the HTTP status.
 */
export function downloadError(status: number, body: unknown): ErrorMessage | Error {
  if (body && typeof body === "object" && typeof (body as { code?: unknown }).code === "string") {
    const { code, message } = body as { code: ErrorMessage["code"]; message?: unknown };
    return { code, message: typeof message === "string" ? message : "" };
  }
  return new Error(`The server answered HTTP ${status}`);
}
