/**
 * `npm run bench:client`: what the client costs, as `name: value unit` lines.
 * - bytes of the production build (JS, CSS, assets): raw, and as the build precompressed them
 *   (brotli, gzip), every chunk counted (lazy ones too);
 * - bytes over the wire for a participant's first load (home page → join → interactive board),
 *   in Chromium asking for brotli as it does over HTTPS (clientLoad.ts), with its target;
 * - time from navigation to an interactive board on a phone-sized page (a participant's page
 *   reloading into a running decision phase: load, connect, reclaim the seat, draw the board),
 *   unthrottled and with the CPU throttled 4× (a mid-range phone), with its target;
 * - frames rendered on the board over 5 s, while a pointer moves and while idle (the render loop
 *   sleeps when nothing changes);
 * - the luck band's time in the browser (200 seeds × 16 quarters, from the debrief screen);
 * - the debrief's lever attribution in its worker, and the same on the main thread.
 */
import { Client } from "@colyseus/sdk";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { WebSocket } from "ws";
import type { Page } from "playwright-core";
import { buildClient, launchChromium } from "../e2e/harness";
import { startTestServer } from "../helpers/server";
import { decisionWorkshop, firstLoadOverWire, message, timeToBoard } from "./clientLoad";

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const line = (name: string, value: number | string, unit: string) =>
  console.log(`${name}: ${value} ${unit}`);

/** Targets (issue 11): what a phone on a busy venue network can afford. */
const WIRE_BYTES_TARGET = 450_000;
const THROTTLED_BOARD_TARGET_MS = 2000;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f.startsWith(".")) return []; // .vite/manifest.json: never served
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

function sizes(dir: string): void {
  const groups: Record<string, { raw: number; br: number; gzip: number }> = {
    js: { raw: 0, br: 0, gzip: 0 },
    css: { raw: 0, br: 0, gzip: 0 },
    assets: { raw: 0, br: 0, gzip: 0 },
  };
  const served = files(dir).filter((f) => !f.endsWith(".br") && !f.endsWith(".gz"));
  // What the server sends a browser that accepts it: the precompressed copy when there is one.
  const size = (file: string, suffix: string) =>
    statSync(existsSync(file + suffix) ? file + suffix : file).size;
  for (const file of served) {
    const kind = file.endsWith(".js") ? "js" : file.endsWith(".css") ? "css" : "assets";
    const g = groups[kind]!;
    g.raw += statSync(file).size;
    g.br += size(file, ".br");
    g.gzip += size(file, ".gz");
  }
  for (const [kind, g] of Object.entries(groups)) {
    line(`client_${kind}_raw`, g.raw, "bytes");
    line(`client_${kind}_br`, g.br, "bytes (precompressed, brotli 11)");
    line(`client_${kind}_gzip`, g.gzip, "bytes (precompressed, gzip 9)");
  }
  // zod's class names survive minification: the client validates nothing, so it ships none.
  const withZod = served.filter(
    (f) => f.endsWith(".js") && /\$ZodType|ZodError/.test(readFileSync(f, "utf8")),
  );
  line("client_js_files_with_zod", withZod.length, "files");
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
    const wire = await firstLoadOverWire(browser, server.url);
    for (const r of wire.byPath) {
      console.log(`  first load: ${r.path} ${r.bytes} B (${r.encoding})`);
    }
    line(
      "client_first_load_wire_bytes",
      wire.bytes,
      `bytes (target ≤ ${WIRE_BYTES_TARGET}; ${wire.responses} responses, headers included)`,
    );
    let renderer = "";
    for (const rate of [1, 4]) {
      const ready = await median(3, async () => {
        const run = await timeToBoard(browser, server.url, rate);
        renderer = run.renderer;
        return run.ms;
      });
      if (rate === 1) {
        line("time_to_interactive_board", Math.round(ready), "ms (phone-sized page, unthrottled)");
      } else {
        line(
          "time_to_interactive_board_cpu4x",
          Math.round(ready),
          `ms (CPU throttled 4×; target < ${THROTTLED_BOARD_TARGET_MS})`,
        );
      }
    }

    const viewport = { width: 1366, height: 768 };
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
