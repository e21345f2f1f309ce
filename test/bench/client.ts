/**
 * `npm run bench:client`: what the client costs, as `name: value unit` lines.
 * - bytes of the production build (JS, CSS, assets), raw and gzip;
 * - time from navigation to an interactive board in headless Chromium (a participant's page
 *   reloading into a running decision phase: load, connect, reclaim the seat, draw the board);
 * - frames rendered on the board over 5 s, while a pointer moves and while idle (the render loop
 *   sleeps when nothing changes);
 * - the luck band's time in the browser (200 seeds × 16 quarters, from the debrief screen);
 * - the debrief's lever attribution in its worker, and the same on the main thread.
 */
import { Client, type Room } from "@colyseus/sdk";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { WebSocket } from "ws";
import type { Page } from "playwright-core";
import { buildClient, launchChromium } from "../e2e/harness";
import { startTestServer } from "../helpers/server";

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const line = (name: string, value: number | string, unit: string) =>
  console.log(`${name}: ${value} ${unit}`);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function sizes(dir: string): void {
  const groups: Record<string, { raw: number; gzip: number }> = {
    js: { raw: 0, gzip: 0 },
    css: { raw: 0, gzip: 0 },
    assets: { raw: 0, gzip: 0 },
  };
  for (const file of files(dir)) {
    const data = readFileSync(file);
    const kind = file.endsWith(".js") ? "js" : file.endsWith(".css") ? "css" : "assets";
    const g = groups[kind]!;
    g.raw += data.length;
    g.gzip += gzipSync(data, { level: 9 }).length;
  }
  for (const [kind, g] of Object.entries(groups)) {
    line(`client_${kind}_raw`, g.raw, "bytes");
    line(`client_${kind}_gzip`, g.gzip, "bytes");
  }
  // zod's class names survive minification: the client validates nothing, so it ships none.
  const withZod = files(dir).filter(
    (f) => f.endsWith(".js") && /\$ZodType|ZodError/.test(readFileSync(f, "utf8")),
  );
  line("client_js_files_with_zod", withZod.length, "files");
}

function message<T>(room: Room, type: string): Promise<T> {
  return new Promise((resolve) => room.onMessage(type, (m: T) => resolve(m)));
}

/** A workshop in its decision phase with one seated participant who has left (to come back). */
async function decisionWorkshop(url: string) {
  const client = new Client(url);
  const fac = await client.create("workshop", { teams: 2, decisionSeconds: 0 });
  const { code, token } = await message<{ code: string; token: string }>(fac, "facilitator");
  const p = await client.joinById(code, { name: "Bench" });
  const seat = await message<{ playerId: string; token: string; name: string }>(p, "seat");
  await fac.request("team.bot", { teamId: "t2", strategy: "balanced" });
  await fac.request("game.start", {});
  await fac.request("phase.next", {});
  await p.leave(true);
  return { fac, code, token, seat };
}

async function median(runs: number, measure: () => Promise<number>): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await measure());
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)] ?? 0;
}

async function framesOver(page: Page, ms: number, moving: boolean): Promise<number> {
  const start = await page.evaluate(() => window.__elan?.frames() ?? 0);
  const t0 = Date.now();
  let x = 200;
  while (Date.now() - t0 < ms) {
    if (moving) {
      x = x > 900 ? 200 : x + 37;
      await page.mouse.move(x, 300 + (x % 200));
    }
    await page.waitForTimeout(moving ? 16 : 250);
  }
  const end = await page.evaluate(() => window.__elan?.frames() ?? 0);
  return ((end - start) * 1000) / (Date.now() - t0);
}

async function main(): Promise<void> {
  const clientDir = await buildClient();
  sizes(clientDir);
  const server = await startTestServer({ clientDir });
  const browser = await launchChromium();
  try {
    const viewport = { width: 1366, height: 768 };
    let renderer = "";
    const ready = await median(3, async () => {
      const { fac, code, seat } = await decisionWorkshop(server.url);
      const context = await browser.newContext({ viewport });
      await context.addInitScript(
        ([key, value]) => localStorage.setItem(key as string, value as string),
        [
          `elan.seat.${code}`,
          JSON.stringify({ code, name: seat.name, token: seat.token, playerId: seat.playerId }),
        ],
      );
      const page = await context.newPage();
      await page.goto(`${server.url}/?code=${code}`);
      await page.waitForFunction(() => (window.__elan?.boardReadyAt ?? 0) > 0, undefined, {
        timeout: 20_000,
      });
      const at = await page.evaluate(() => window.__elan?.boardReadyAt ?? 0);
      renderer = await page.evaluate(() => window.__elan?.renderer() ?? "");
      await context.close();
      await fac.leave(true);
      return at;
    });
    line("time_to_interactive_board", Math.round(ready), "ms");

    const { fac, code, seat } = await decisionWorkshop(server.url);
    const context = await browser.newContext({ viewport });
    await context.addInitScript(
      ([key, value]) => localStorage.setItem(key as string, value as string),
      [
        `elan.seat.${code}`,
        JSON.stringify({ code, name: seat.name, token: seat.token, playerId: seat.playerId }),
      ],
    );
    const page = await context.newPage();
    await page.goto(`${server.url}/?code=${code}`);
    await page.waitForFunction(() => (window.__elan?.boardReadyAt ?? 0) > 0);
    await page.waitForTimeout(1000);
    line(
      "board_fps_interacting",
      (await framesOver(page, 5000, true)).toFixed(1),
      `fps (${renderer} renderer, capped at 30)`,
    );
    line(
      "board_fps_idle",
      (await framesOver(page, 5000, false)).toFixed(1),
      "fps (render loop asleep when nothing changes)",
    );
    await page.evaluate(() => window.__elan?.setFpsLimit(0));
    line(
      "board_fps_uncapped",
      (await framesOver(page, 5000, true)).toFixed(1),
      "fps (headroom without the 30 fps cap)",
    );
    await context.close();
    await fac.leave(true);

    // A finished workshop (two bots) and its facilitator's debrief.
    const client = new Client(server.url);
    const host = await client.create("workshop", { teams: 2, decisionSeconds: 0, pacing: "auto" });
    const creds = await message<{ code: string; token: string }>(host, "facilitator");
    await host.request("team.bot", { teamId: "t1", strategy: "adaptive" });
    await host.request("team.bot", { teamId: "t2", strategy: "buzz" });
    await host.request("game.start", {});
    for (let i = 0; i < 80; i++) {
      const phase = (host.state as { phase?: string }).phase;
      if (phase === "debrief") break;
      await host.request("phase.next", {}).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 20));
    }
    const dctx = await browser.newContext({ viewport });
    const dpage = await dctx.newPage();
    await dpage.goto(
      `${server.url}/?code=${creds.code}&facilitator=${encodeURIComponent(creds.token)}`,
    );
    await dpage.click("[data-testid=open-debrief]");
    await dpage.click("[data-testid=debrief-tab-luck]");
    await dpage.waitForFunction(() => (window.__elan?.debriefBandMs ?? 0) > 0, undefined, {
      timeout: 20_000,
    });
    line(
      "luck_band_browser",
      Math.round(await dpage.evaluate(() => window.__elan?.debriefBandMs ?? 0)),
      "ms (200 seeds × 16 quarters)",
    );
    // The lever attribution, best changes and loops: in a worker, and what the page would spend.
    await dpage.waitForFunction(() => window.__elan?.debriefInsights !== null, undefined, {
      timeout: 20_000,
    });
    const insights = await dpage.evaluate(() => window.__elan?.debriefInsights);
    line(
      "debrief_attribution_worker",
      Math.round(insights?.ms ?? 0),
      `ms (2 teams × 16 quarters, in a ${insights?.where ?? "?"} thread; the page waited ${Math.round(insights?.waitMs ?? 0)} ms)`,
    );
    line(
      "debrief_attribution_main_thread",
      Math.round(await dpage.evaluate(() => window.__elan!.insightsOnMainThread())),
      "ms (the same on the main thread: why it runs in a worker)",
    );
    await dctx.close();
    await host.leave(true);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
process.exit(0);
