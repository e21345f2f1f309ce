/**
 * The headers every HTTP answer carries (API, static client, matchmaking, 404s, errors,
 * preflights), set by the front door (frontDoor.ts).
 *
 * The Content-Security-Policy allows what the built client really does, nothing more:
 * - `default-src 'self'`: anything not listed below comes from the app's own origin only
 *   (fonts, media, manifest, workers — the client uses none today);
 * - `script-src 'self'`: the Vite bundle is one module file from the same origin; no inline
 *   script, no eval (Phaser and the SDK need neither);
 * - `connect-src 'self'`: the SDK's matchmaking `fetch`, the API `fetch` (exports) and Phaser's
 *   loader XHR (the lever icons) go to the page's origin, and CSP Level 3 `'self'` also covers
 *   the same host's `ws:`/`wss:` (checked in Chromium by test/e2e/browser.test.ts). In a
 *   cluster, a seat may be on another process whose PUBLIC_ADDRESS is another host or port:
 *   there (`clusterSecurityHeaders`) WebSockets may go to any host, nothing else may;
 * - `img-src 'self' data: blob:`: the favicon and icons are same-origin files; Phaser boots its
 *   default textures from `data:` PNGs and loads SVG icons through `blob:` object URLs; the QR
 *   code is drawn into a canvas (no image);
 * - `style-src 'self'`: the Vite stylesheet is one file; DOM panels set their inline styles
 *   through the CSSOM (`element.style`), which CSP does not govern, so no `'unsafe-inline'`;
 * - `object-src 'none'`, `base-uri 'none'`, `form-action 'self'`: no plugins, no `<base>`
 *   hijack, forms post nowhere else;
 * - `frame-ancestors 'none'` (and `X-Frame-Options: DENY` for older browsers): never framed,
 *   so no clickjacking of the facilitator console.
 */

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
};

/** A process sharing rooms with others: its page's socket may lead to any process's address. */
export const CLUSTER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "connect-src 'self'",
  "connect-src 'self' ws: wss:",
);

export const CLUSTER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  "Content-Security-Policy": CLUSTER_CONTENT_SECURITY_POLICY,
};

/** Headers no answer may carry: the framework banner, and CORS headers set by others. */
export function isForbiddenHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === "x-powered-by" || lower.startsWith("access-control-");
}
