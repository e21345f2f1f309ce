/**
 * The debrief credits choices, in a real browser against the real server: a one-year workshop
 * played by two participants (a laptop and a phone) reaches the debrief; each team answers
 * "which lever mattered most for us?" without seeing the other's answer; the console and the
 * projector count the answers; the facilitator reveals; then every screen shows predicted vs
 * attributed, the attribution waterfall, the best changes and the loop diagrams — computed in
 * a Web Worker, timed against the same computation on the main thread.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkshop, request } from "../helpers/clients";
import { PHONE, pageErrors, phase, scene, settle, shot, startRig, type Rig } from "./harness";
import { allocate, seatRoom, submitDecision } from "./steps";

const POLL = { timeout: 20_000 };

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig?.close();
});

type Hooks = NonNullable<Window["__elan"]>;
const hook = <K extends keyof Hooks>(page: Page, key: K) =>
  page.evaluate((k) => window.__elan?.[k] ?? null, key) as Promise<Hooks[K] | null>;

const teamsSubmitted = (room: { state: { teams: Map<string, { submitted: boolean }> } }) =>
  [...room.state.teams.values()].every((t) => t.submitted);

describe.sequential("the debrief in a real browser", () => {
  it("asks each team, reveals, and shows what mattered on every screen", async () => {
    const fac = await createWorkshop(rig.url, {
      teams: 2,
      years: 1,
      decisionSeconds: 0,
      seed: "debrief-e2e",
    });
    const { host, ana, ben, proj } = await seatRoom(rig, fac);

    await request(fac.room, "game.start");
    for (let quarter = 1; quarter <= 4; quarter++) {
      await request(fac.room, "phase.next");
      await phase(ana.page, "decision");
      await phase(ben.page, "decision");
      await allocate(ana.page, { 2: 4, 4: 3, 6: 3 });
      await allocate(ben.page, { 7: 6, 1: 2 });
      await submitDecision(ana.page);
      await submitDecision(ben.page);
      await expect.poll(() => teamsSubmitted(fac.room), POLL).toBe(true);
      await request(fac.room, "phase.next"); // the reveal of the quarter
      await request(fac.room, "phase.next"); // the next briefing, or the debrief
    }
    await scene(ana.page, "debrief");
    await scene(ben.page, "debrief");

    // Predict: each team answers; the other team never receives the answer.
    await ana.page.waitForSelector("[data-testid=predict-card]");
    await ana.page.click("[data-testid=predict-culture]");
    await ben.page.click("[data-testid=predict-campaigns]");
    await expect
      .poll(() => ana.page.getAttribute("[data-testid=predict-culture]", "aria-pressed"), POLL)
      .toBe("true");
    const seenByBen = await ben.page.evaluate(() => {
      const v = window.__elan?.view() as {
        teams: Record<string, { prediction: string; private?: unknown }>;
      };
      return { prediction: v.teams.t1?.prediction, secret: v.teams.t1?.private ?? null };
    });
    expect(seenByBen).toEqual({ prediction: "", secret: null });
    await expect
      .poll(() => host.page.textContent("[data-testid=console-answered]"), POLL)
      .toContain("2 / 2");
    expect(await host.page.textContent("[data-testid=console-predictions]")).toContain(
      "Culture numérique",
    );
    await expect
      .poll(async () => (await hook(proj.page, "projectorVerdict"))?.join("\n"), POLL)
      .toContain("2 / 2 équipes ont répondu");
    // The attribution stays hidden from the teams until the reveal.
    expect(await ana.page.locator("[data-testid=best-changes]").count()).toBe(0);
    await settle(ana.page);
    await shot(ana.page, "debrief-predict");
    await shot(ben.page, "debrief-phone-predict");
    await shot(host.page, "console-debrief");
    await settle(proj.page);
    await shot(proj.page, "projector-debrief-question");

    // Reveal, from the console.
    await host.page.click("[data-testid=console-reveal]");
    for (const page of [ana.page, ben.page]) {
      await page.waitForSelector("[data-testid=verdict]", POLL);
      await expect
        .poll(() => page.locator("[data-testid=best-changes] li").count(), POLL)
        .toBeGreaterThan(0);
    }
    await expect
      .poll(() => ana.page.textContent("[data-testid=verdict-t1]"), POLL)
      .toContain("Culture numérique");
    expect(await ana.page.textContent("[data-testid=verdict-t2]")).toContain("Campagnes buzz");
    expect(await ana.page.textContent("[data-testid=credit-top]")).toMatch(/^Levier le plus/);
    // The score in its visible parts: accumulated over the game + the legacy left behind.
    expect(await ana.page.textContent("[data-testid=score-split]")).toMatch(
      /^Score final \d+,\d = \d+,\d engagés et confiants cumulés .+ \+ \d+,\d pour la communauté/,
    );
    await expect
      .poll(() => hook(ana.page, "debriefChart"), POLL)
      .toEqual({
        tab: "credit",
        items: 9,
      });
    const insights = await hook(ana.page, "debriefInsights");
    expect(insights?.where).toBe("worker");
    const mainMs = await ana.page.evaluate(() => window.__elan!.insightsOnMainThread());
    console.log(
      `debrief attribution (2 teams × 4 quarters): worker ${insights?.ms.toFixed(0)} ms, ` +
        `page waited ${insights?.waitMs.toFixed(0)} ms, main thread ${mainMs.toFixed(0)} ms`,
    );
    await settle(ana.page);
    await shot(ana.page, "debrief-credit");
    await shot(ben.page, "debrief-phone-credit");
    expect(await ben.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    // One gauge quarter by quarter: a column per quarter, split by lever.
    await ana.page.selectOption("[data-testid=credit-period]", "quarters:engagement");
    await expect
      .poll(() => hook(ana.page, "debriefChart"), POLL)
      .toEqual({ tab: "credit", items: 4 });
    expect(await ana.page.textContent("[data-testid=credit-quarterly]")).toMatch(/^Engagement : /);
    await settle(ana.page);
    await shot(ana.page, "debrief-credit-quarters");
    // One year's gain, then the loops.
    await ana.page.selectOption("[data-testid=credit-period]", "1");
    await ana.page.click("[data-testid=debrief-tab-loops]");
    await expect
      .poll(() => hook(ana.page, "debriefChart"), POLL)
      .toEqual({
        tab: "loops",
        items: 1,
      });
    await settle(ana.page);
    await shot(ana.page, "debrief-loops");

    // The projector: predicted vs attributed, then each team's waterfall.
    await expect
      .poll(async () => (await hook(proj.page, "projectorVerdict"))?.length ?? 0, POLL)
      .toBe(3);
    const verdict = (await hook(proj.page, "projectorVerdict")) ?? [];
    expect(verdict[0]).toBe("Prédit et attribué");
    expect(verdict[1]).toMatch(/^Équipe 1: Culture numérique → .+ [✓✗]$/);
    await settle(proj.page);
    await shot(proj.page, "projector-debrief-verdict");
    // The console's debrief shows the verdict of every team.
    await host.page.click("[data-testid=open-debrief]");
    await scene(host.page, "debrief");
    await host.page.waitForSelector("[data-testid=verdict-t2]", POLL);
    await settle(host.page);
    await shot(host.page, "debrief-facilitator");

    for (const p of [host.page, ana.page, ben.page, proj.page]) expect(pageErrors(p)).toEqual([]);
    for (const p of [host, ana, ben, proj]) await p.context.close();
    await fac.room.leave();
  }, 120_000);
});
