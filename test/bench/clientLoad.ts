/**
 * What a participant's first load costs, measured in headless Chromium through the DevTools
 * protocol (used by `npm run bench:client`):
 * - bytes over the wire: every response the page receives (`Network.loadingFinished`'s
 *   `encodedDataLength`: headers and body as sent, compressed or not), from the home page to
 *   an interactive board after joining a workshop by its code;
 * - time to an interactive board: a participant's page reloading into a running decision phase
 *   (load, connect, reclaim the seat, draw the board), measured by the page itself
 *   (`performance.now()` at the board's first draw), optionally with the CPU throttled
 *   (`Emulation.setCPUThrottlingRate`: 4 is a mid-range phone).
 */
import { Client, type Room } from "@colyseus/sdk";
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";

/**
 * Chromium offers brotli on HTTPS only; the bench talks plain HTTP to localhost, so the page asks
 * for what Chromium asks a real (HTTPS) deployment for.
 */
export const CHROMIUM_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

const VIEWPORT = { width: 390, height: 844 };

export function message<T>(room: Room, type: string): Promise<T> {
  return new Promise((resolve) => room.onMessage(type, (m: T) => resolve(m)));
}

async function newPage(
  browser: Browser,
  cpuRate: number,
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    isMobile: true,
    hasTouch: true,
    extraHTTPHeaders: { "accept-encoding": CHROMIUM_ACCEPT_ENCODING },
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cpuRate > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuRate });
  return { context, page, cdp };
}

export interface WireLoad {
  /** Bytes received for every response, headers included. */
  bytes: number;
  responses: number;
  /** Per URL path: bytes received and the Content-Encoding it came with. */
  byPath: { path: string | null; bytes: number; encoding: string }[];
}

/**
 * A participant opens the join link (`/?code=…`), types a name, waits in the lobby; the
 * facilitator starts the game; the board is drawn. Returns what came over the wire meanwhile.
 */
export async function firstLoadOverWire(browser: Browser, url: string): Promise<WireLoad> {
  const client = new Client(url);
  const fac = await client.create("workshop", { teams: 2, decisionSeconds: 0 });
  const { code } = await message<{ code: string }>(fac, "facilitator");
  const { context, page, cdp } = await newPage(browser, 1);
  try {
    await cdp.send("Network.enable");
    const requests = new Map<string, { path: string | null; encoding: string }>();
    const byPath: WireLoad["byPath"] = [];
    let bytes = 0;
    cdp.on("Network.responseReceived", (e) => {
      const headers = Object.fromEntries(
        Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
      );
      const url = new URL(e.response.url);
      requests.set(e.requestId, {
        path: url.protocol.startsWith("http") ? url.pathname : null,
        encoding: headers["content-encoding"] ?? "identity",
      });
    });
    cdp.on("Network.loadingFinished", (e) => {
      bytes += e.encodedDataLength;
      const known = requests.get(e.requestId);
      // data: and blob: URLs (Phaser's built-in textures, the icons' object URLs) cost nothing.
      if (e.encodedDataLength === 0 && known?.path === null) return;
      byPath.push({
        path: known?.path ?? "?",
        bytes: e.encodedDataLength,
        encoding: known?.encoding ?? "?",
      });
    });
    await page.goto(`${url}/?code=${code}`);
    await page.waitForFunction(() => window.__elan?.scene() === "home");
    await page.fill("[data-testid=join-name]", "Bench");
    await page.click("[data-testid=join-submit]");
    await page.waitForFunction(() => window.__elan?.scene() === "lobby");
    await fac.request("team.bot", { teamId: "t2", strategy: "balanced" });
    await fac.request("game.start", {});
    await fac.request("phase.next", {});
    await page.waitForFunction(() => (window.__elan?.boardReadyAt ?? 0) > 0, undefined, {
      timeout: 30_000,
    });
    // Whatever the board asked for while drawing (icons) has arrived.
    await page.waitForLoadState("networkidle");
    return { bytes, responses: byPath.length, byPath };
  } finally {
    await context.close();
    await fac.leave(true);
  }
}

/** A workshop in its decision phase with one seated participant who has left (to come back). */
export async function decisionWorkshop(url: string) {
  const client = new Client(url);
  const fac = await client.create("workshop", { teams: 2, decisionSeconds: 0 });
  const { code } = await message<{ code: string }>(fac, "facilitator");
  const p = await client.joinById(code, { name: "Bench" });
  const seat = await message<{ playerId: string; token: string; name: string }>(p, "seat");
  await fac.request("team.bot", { teamId: "t2", strategy: "balanced" });
  await fac.request("game.start", {});
  await fac.request("phase.next", {});
  await p.leave(true);
  return { fac, code, seat };
}

/** Milliseconds from navigation to the board's first draw, for a participant coming back. */
export async function timeToBoard(browser: Browser, url: string, cpuRate: number) {
  const { fac, code, seat } = await decisionWorkshop(url);
  const { context, page } = await newPage(browser, cpuRate);
  try {
    await context.addInitScript(
      ([key, value]) => localStorage.setItem(key as string, value as string),
      [
        `elan.seat.${code}`,
        JSON.stringify({ code, name: seat.name, token: seat.token, playerId: seat.playerId }),
      ],
    );
    await page.goto(`${url}/?code=${code}`);
    await page.waitForFunction(() => (window.__elan?.boardReadyAt ?? 0) > 0, undefined, {
      timeout: 60_000,
    });
    return {
      ms: await page.evaluate(() => window.__elan?.boardReadyAt ?? 0),
      renderer: await page.evaluate(() => window.__elan?.renderer() ?? ""),
    };
  } finally {
    await context.close();
    await fac.leave(true);
  }
}
