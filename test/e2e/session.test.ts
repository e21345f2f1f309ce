/**
 * Session defects seen in a real play-through, checked in a real browser against the real server:
 * a board redraws on every state change even when no frame could be drawn at the time (hidden
 * page) and nobody touches anything afterwards; teammates clicking at once lose no click;
 * countdowns follow the server's clock; the facilitator hears which teams bots play; solo games
 * are listed, resumed, and survive a reload and a server restart.
 */
import { rmSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type ElanApp } from "../../server/app";
import { createWorkshop, joinAs, request, waitFor, type AnyRoom } from "../helpers/clients";
import { startTestServer } from "../helpers/server";
import { LAPTOP, pageErrors, person, phase, scene, startRig, type Rig } from "./harness";
import { hostWorkshop, joinByCode, leaveSolo, submitDecision } from "./steps";

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig?.close();
});

/**
 * Headless Chromium never hides a page, so this does what hiding does to the app: animation
 * frames stop (queued until the page shows again) and `visibilitychange` fires both ways.
 */
function hidablePage(): void {
  const raf = window.requestAnimationFrame.bind(window);
  const caf = window.cancelAnimationFrame.bind(window);
  const queued = new Map<number, FrameRequestCallback>();
  let hidden = false;
  let nextId = 1e9;
  window.requestAnimationFrame = (cb) => {
    if (!hidden) return raf(cb);
    queued.set(nextId, cb);
    return nextId++;
  };
  window.cancelAnimationFrame = (id) => {
    if (!queued.delete(id)) caf(id);
  };
  Object.defineProperty(document, "visibilityState", {
    configurable: true,
    get: () => (hidden ? "hidden" : "visible"),
  });
  Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
  (window as unknown as { setHidden(h: boolean): void }).setHidden = (h) => {
    hidden = h;
    if (!h) {
      const callbacks = [...queued.values()];
      queued.clear();
      for (const cb of callbacks) raf(cb);
    }
    document.dispatchEvent(new Event("visibilitychange"));
  };
}

const setHidden = (page: Page, hidden: boolean) =>
  page.evaluate((h) => (window as unknown as { setHidden(h: boolean): void }).setHidden(h), hidden);

const drawn = (page: Page) => page.evaluate(() => window.__elan?.drawn ?? null);

describe.sequential("a session in a real browser", () => {
  it("shows the results when the timer runs out while the page is hidden, with no input", async () => {
    const fac = await createWorkshop(rig.url, { teams: 2, decisionSeconds: 3 });
    const ana = await person(rig, LAPTOP);
    await ana.page.addInitScript(hidablePage);
    await joinByCode(ana.page, rig.url, fac.code, "Ana");
    await request(fac.room, "team.bot", { teamId: "t2", strategy: "balanced" }).catch(
      () => undefined,
    );
    await request(fac.room, "game.start", {});
    await request(fac.room, "phase.next", {});
    await scene(ana.page, "board");
    await phase(ana.page, "decision");
    await ana.page.keyboard.press("Enter");
    await expect.poll(() => drawn(ana.page)).toMatchObject({ phase: "decision" });
    // The phone is locked (or the window covered) while the timer runs out on the server.
    await setHidden(ana.page, true);
    // (Polled on a timer: Playwright's default polling waits for animation frames.)
    await ana.page.waitForFunction(
      () => (window.__elan?.view() as { phase?: string } | null)?.phase === "results",
      undefined,
      { timeout: 15_000, polling: 100 },
    );
    // Long enough for a render loop to fall asleep.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await drawn(ana.page)).toMatchObject({ phase: "decision" });
    // Back in view, nobody touching anything: the board shows the results.
    await setHidden(ana.page, false);
    await expect
      .poll(() => drawn(ana.page), { timeout: 5_000 })
      .toMatchObject({ scene: "board", phase: "results" });
    expect(pageErrors(ana.page)).toEqual([]);
    await fac.room.leave();
    await ana.context.close();
  }, 60_000);

  it("keeps every click of three teammates editing the same draft at once", async () => {
    const fac = await createWorkshop(rig.url, { teams: 2, decisionSeconds: 0 });
    const ana = await person(rig, LAPTOP);
    const ben = await person(rig, LAPTOP);
    await joinByCode(ana.page, rig.url, fac.code, "Ana");
    await joinByCode(ben.page, rig.url, fac.code, "Ben");
    const cleo = await joinAs(rig.url, fac.code, { name: "Cléo" });
    // The console must know all three before it moves them (a join reaches it a patch later).
    await waitFor(() => playerIds(fac.room).length === 3, 5000, "three players on the console");
    // Everyone in team 1 (a move to one's own team is refused: ignored); a bot plays team 2.
    for (const id of playerIds(fac.room)) {
      await request(fac.room, "player.move", { playerId: id, teamId: "t1" }).catch(() => undefined);
    }
    await request(fac.room, "team.bot", { teamId: "t2", strategy: "balanced" }).catch(
      () => undefined,
    );
    await request(fac.room, "game.start", {});
    await request(fac.room, "phase.next", {});
    // Both boards drawn for the decision before anyone clicks.
    for (const page of [ana.page, ben.page]) {
      await expect
        .poll(() => drawn(page), { timeout: 10_000 })
        .toMatchObject({ scene: "board", phase: "decision" });
    }
    const clicks = async (page: Page, lever: string, n: number) => {
      await page.keyboard.press(lever);
      for (let i = 0; i < n; i++) await page.keyboard.press("+");
    };
    // Three people click at the same moment, none waiting for the others.
    await Promise.all([
      clicks(ana.page, "1", 3),
      clicks(ben.page, "2", 3),
      ...[1, 2, 3].map(() =>
        cleo.room.request("allocation.adjust", { bucket: "support", delta: 1 }),
      ),
    ]);
    const expected = { longTerm: 3, culture: 3, support: 3, governance: 0, campaigns: 0 };
    const shown = (page: Page) => page.evaluate(() => window.__elan?.shownDraft ?? null);
    await expect.poll(() => shown(ana.page), { timeout: 10_000 }).toMatchObject(expected);
    await expect.poll(() => shown(ben.page), { timeout: 10_000 }).toMatchObject(expected);
    // What Ana submits is what her board shows (one token left: she confirms).
    await submitDecision(ana.page);
    await request(fac.room, "phase.next", {});
    await phase(ana.page, "results");
    const played = await ana.page.evaluate(
      () =>
        (
          window.__elan?.view() as {
            teams: Record<string, { history: { allocation: Record<string, number> }[] }>;
          }
        ).teams.t1?.history[0]?.allocation,
    );
    expect(played).toMatchObject(expected);
    for (const p of [ana.page, ben.page]) expect(pageErrors(p)).toEqual([]);
    await cleo.room.leave();
    await fac.room.leave();
    await ana.context.close();
    await ben.context.close();
  }, 60_000);
});

describe.sequential("the facilitator's console", () => {
  it("says which teams a bot plays because nobody joined them", async () => {
    const fac = await person(rig, LAPTOP);
    const code = await hostWorkshop(fac.page, rig.url, 3);
    // Nobody yet: starting is refused, in words.
    await fac.page.click("[data-testid=phase-next]");
    await expect
      .poll(() => fac.page.textContent(".toasts"), { timeout: 10_000 })
      .toContain("Personne n'a encore rejoint");
    const ana = await joinAs(rig.url, code, { name: "Ana" });
    await expect
      .poll(() => fac.page.locator("[data-testid=team-t1]").textContent(), { timeout: 10_000 })
      .toContain("Ana");
    await fac.page.click("[data-testid=phase-next]");
    await phase(fac.page, "briefing");
    await expect
      .poll(() => fac.page.textContent(".toasts"), { timeout: 10_000 })
      .toContain("Équipe 2 et Équipe 3 jouées par des robots : personne ne les a rejointes.");
    expect(pageErrors(fac.page)).toEqual([]);
    await ana.room.leave();
    await fac.context.close();
  }, 60_000);

  it("counts down on the server's clock on a laptop whose clock is two minutes fast", async () => {
    const fac = await person(rig, LAPTOP);
    await fac.page.addInitScript(() => {
      const real = Date.now.bind(Date);
      Date.now = () => real() + 120_000;
    });
    const code = await hostWorkshop(fac.page, rig.url, 2);
    const ana = await joinAs(rig.url, code, { name: "Ana" });
    await fac.page.click("[data-testid=phase-next]");
    await phase(fac.page, "briefing");
    await fac.page.click("[data-testid=phase-next]");
    await phase(fac.page, "decision");
    // 5 minutes on the room's clock; the laptop's own clock would say 3.
    await expect
      .poll(() => fac.page.textContent("[data-testid=console-clock]"), { timeout: 10_000 })
      .toMatch(/^4:5\d|^5:00/);
    expect(pageErrors(fac.page)).toEqual([]);
    await ana.room.leave();
    await fac.context.close();
  }, 60_000);
});

describe.sequential("solo games kept in this browser", () => {
  it("lists an unfinished solo game on the home screen and resumes it, after a reload too", async () => {
    const { page, context } = await person(rig, LAPTOP);
    await page.goto(rig.url);
    await page.click("[data-testid=tab-solo]");
    await page.click("[data-testid=solo-scenario-new-cfo]");
    await page.click("[data-testid=solo-submit]");
    await scene(page, "board");
    await phase(page, "briefing");
    await page.keyboard.press("Enter");
    await phase(page, "decision");
    await page.keyboard.press("2");
    await page.keyboard.press("+");
    await submitDecision(page);
    await phase(page, "results");
    const roomId = await page.evaluate(() => (window.__elan?.identity() as { code: string }).code);
    const where = () =>
      page.evaluate(() => ({
        code: (window.__elan?.identity() as { code: string }).code,
        turn: (window.__elan?.view() as { turn: number }).turn,
      }));
    // Back home (the learner left: nobody is in the room any more): "My games" offers it, and
    // resumes it by its seat token (the server rebuilds the room from its log).
    await leaveSolo(page);
    const row = page.locator(`[data-testid=solo-game-${roomId}]`);
    await expect.poll(() => row.textContent()).toContain("Trimestre 1 sur 16");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await page.click(`[data-testid=solo-resume-${roomId}]`);
    await scene(page, "board");
    await phase(page, "results");
    expect(await where()).toEqual({ code: roomId, turn: 1 });
    // A reload in the middle of the game comes straight back to it.
    await page.reload();
    await scene(page, "board");
    await phase(page, "results");
    expect(await where()).toEqual({ code: roomId, turn: 1 });
    // A game the learner forgets leaves the list.
    await leaveSolo(page);
    await page.click(`[data-testid=solo-forget-${roomId}]`);
    await expect.poll(() => page.locator("[data-testid=solo-games]").count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 60_000);
});

describe.sequential("a solo game across a server restart", () => {
  it("comes back by its seat token when the server restarts, and after a reload", async () => {
    const first = await startTestServer({ clientDir: rig.clientDir });
    const port = first.app.port;
    const { page, context } = await person(rig, LAPTOP);
    let second: ElanApp | null = null;
    try {
      await page.goto(first.url);
      await page.click("[data-testid=tab-solo]");
      await page.click("[data-testid=solo-submit]");
      await scene(page, "board");
      await phase(page, "briefing");
      await page.keyboard.press("Enter");
      await phase(page, "decision");
      await submitDecision(page);
      await phase(page, "results");
      const roomId = await page.evaluate(
        () => (window.__elan?.identity() as { code: string }).code,
      );
      await first.app.close();
      second = await startApp({
        port,
        host: "127.0.0.1",
        dataDir: first.dataDir,
        clientDir: rig.clientDir,
      });
      // The SDK cannot reconnect to a room that died with its server: the session rejoins.
      await page.waitForFunction(
        () => {
          const log = window.__elan?.statusLog ?? [];
          return log.includes("lost") && log[log.length - 1] === "connected";
        },
        undefined,
        { timeout: 30_000 },
      );
      await phase(page, "results");
      expect(await page.evaluate(() => (window.__elan?.identity() as { code: string }).code)).toBe(
        roomId,
      );
      await page.reload();
      await scene(page, "board");
      await phase(page, "results");
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
      await second?.close();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

function playerIds(room: AnyRoom): string[] {
  const players = (room.state as { players: Map<string, unknown> }).players;
  const ids: string[] = [];
  players.forEach((_value, id) => ids.push(id));
  return ids;
}
