/**
 * No clipped text, on every screen, at every width a room meets (a phone, small projectors,
 * laptops, a big projector): the layout audit (layout.ts) after each step of a workshop, for the
 * facilitator, a participant and the projector, and for a solo learner's debrief tabs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { person, phase, scene, settle, shot, startRig, type Rig } from "./harness";
import { allocate, hostWorkshop, joinByCode } from "./steps";
import { auditLayout, type LayoutFinding } from "./layout";
import { DEBRIEF_SCREENS as PROJECTOR_SCREENS } from "../../shared/protocol/screens";

const POLL = { timeout: 20_000 };

const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
}, 120_000);
afterAll(async () => {
  await rig?.close();
});

const findings: string[] = [];

/** The page at every width, audited; findings are collected, the test asserts at the end. */
async function auditEverywhere(page: Page, screen: string): Promise<void> {
  const original = page.viewportSize();
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await settle(page);
    await settle(page);
    await shot(page, `layout-${screen}-${size.width}`);
    const found: LayoutFinding[] = await auditLayout(page);
    for (const f of found)
      findings.push(`${screen} @${size.width}: ${f.kind} "${f.text}" ${f.detail}`);
  }
  if (original) await page.setViewportSize(original);
  await settle(page);
}

describe.sequential("layout: no clipped text", () => {
  it("holds on every screen of a workshop at 390, 1024, 1280, 1366 and 1920 wide", async () => {
    const desk = { width: 1366, height: 768 };
    const fac = await person(rig, desk);
    fac.page.on("dialog", (d) => void d.accept());
    await fac.page.goto(rig.url);
    await scene(fac.page, "home");
    await auditEverywhere(fac.page, "home");
    const code = await hostWorkshop(fac.page, rig.url, 2);
    const ana = await person(rig, desk);
    await joinByCode(ana.page, `${rig.url}/?code=${code}`, null, "Anastasia Konstantinopoulou");
    await auditEverywhere(ana.page, "lobby");
    const proj = await person(rig, { width: 1920, height: 1080 });
    await fac.page.waitForSelector("[data-testid=projector-link]");
    await proj.page.goto(
      (await fac.page.getAttribute("[data-testid=projector-link]", "href")) ?? "",
    );
    await scene(proj.page, "projector");
    // Long team names: marks and pills sit beside them, never over them.
    await fac.page.fill("[data-testid=rename-t1]", "Ambassadeurs Communauté");
    await fac.page.press("[data-testid=rename-t1]", "Enter");
    await expect
      .poll(() => ana.page.evaluate(() => JSON.stringify(window.__elan?.view())))
      .toContain("Ambassadeurs Communauté");
    await auditEverywhere(fac.page, "console-lobby");
    await auditEverywhere(proj.page, "projector-lobby");

    await fac.page.click("[data-testid=phase-next]");
    await phase(ana.page, "briefing");
    await auditEverywhere(ana.page, "board-briefing");
    await fac.page.click("[data-testid=phase-next]");
    await phase(ana.page, "decision");
    await allocate(ana.page, { 2: 3, 4: 3, 6: 2, 3: 2 });
    await auditEverywhere(ana.page, "board-decision");
    // On a phone, the decision tab keeps the forecast in sight, and a lever's name opens its
    // description in the card's place (then closes again).
    await ana.page.setViewportSize(WIDTHS[0]!);
    const canvas = () => ana.page.evaluate(() => window.__elan?.canvasTexts() ?? []);
    await expect.poll(canvas).toContain("PRÉVISION AVEC CE BROUILLON");
    await ana.page
      .getByRole("button", { name: "Culture numérique : à quoi sert ce levier ?" })
      .click();
    await expect
      .poll(canvas)
      .toContain("Former équipes et managers ; l'effet arrive deux trimestres plus tard.");
    await auditEverywhere(ana.page, "board-decision-info");
    await ana.page
      .getByRole("button", { name: "Fermer la description : Culture numérique" })
      .click();
    await expect.poll(canvas).toContain("Trimestre calme");
    await auditEverywhere(fac.page, "console-decision");
    await auditEverywhere(proj.page, "projector-decision");
    await fac.page.click("[data-testid=phase-next]");
    await phase(ana.page, "results");
    await auditEverywhere(ana.page, "board-results");
    await auditEverywhere(fac.page, "console-results");
    await auditEverywhere(proj.page, "projector-results");

    // The facilitator ends the workshop early: the participant's debrief, tab by tab.
    await fac.page.getByRole("button", { name: /Terminer l'atelier/ }).click();
    await scene(ana.page, "debrief", 20_000);
    await auditEverywhere(fac.page, "console-ended");
    await auditEverywhere(proj.page, "projector-ended");
    for (const tab of ["credit", "loops", "trajectories", "levers", "luck", "whatif"]) {
      const tabButton = ana.page.locator(`[data-testid=debrief-tab-${tab}]`);
      if ((await tabButton.count()) === 0) continue;
      await tabButton.click();
      await auditEverywhere(ana.page, `debrief-${tab}`);
    }

    // Every debrief screen the facilitator puts on the projector.
    for (const screen of PROJECTOR_SCREENS) {
      await fac.page.click(`[data-testid=show-${screen}]`);
      await expect
        .poll(() => proj.page.evaluate(() => window.__elan?.projectorShow?.view ?? ""), POLL)
        .toBe(screen);
      await auditEverywhere(proj.page, `projector-show-${screen}`);
    }
    // The facilitator's list of workshops.
    await fac.page.goto(`${rig.url}/?workshops`);
    await fac.page.locator(`[data-testid=workshop-${code}]`).waitFor();
    await auditEverywhere(fac.page, "workshops");

    console.log(findings.join("\n"));
    expect(findings).toEqual([]);
  }, 400_000);
});
