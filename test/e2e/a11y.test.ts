/**
 * Accessibility in a real browser: axe-core finds no serious or critical violation on any
 * screen, and a learner plays a whole solo game with nothing but what assistive technology sees
 * (`getByRole`): no test hooks, no canvas coordinates, no CSS selectors.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeSerious, describeFindings } from "./axe";
import { createWorkshop, request } from "../helpers/clients";
import { LAPTOP, pageErrors, person, phase, scene, settle, startRig, type Rig } from "./harness";
import { allocate, seatRoom, submitDecision } from "./steps";

const POLL = { timeout: 20_000 };

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig?.close();
});

/** Every screen's findings, so one run lists them all. */
class Audit {
  readonly found: string[] = [];
  readonly screens: string[] = [];
  async check(page: Page, screen: string): Promise<void> {
    this.screens.push(screen);
    const findings = await axeSerious(page);
    if (findings.length) this.found.push(describeFindings(screen, findings));
  }
}

describe.sequential("accessibility", () => {
  it("plays a solo game to the debrief by roles alone, axe-clean on every screen", async () => {
    const audit = new Audit();
    const { page, context } = await person(rig, LAPTOP);
    await page.goto(rig.url);
    await page.getByRole("tab", { name: "S'entraîner seul" }).click();
    await audit.check(page, "home (solo)");
    await page.getByRole("button", { name: "Commencer" }).click();

    const primary = (name: string | RegExp) => page.getByRole("button", { name, exact: true });
    const add = (lever: string) =>
      page.getByRole("button", { name: `${lever} : ajouter un jeton` });
    const remove = (lever: string) =>
      page.getByRole("button", { name: `${lever} : retirer un jeton` });
    let quarter = 0;
    for (;;) {
      quarter += 1;
      await primary("Ouvrir les décisions").waitFor();
      if (quarter === 1) {
        // The card slot in words: here the solo coach, as the canvas shows it.
        await page.getByRole("heading", { name: "Conseil", level: 3 }).waitFor();
        await audit.check(page, "board: briefing");
      }
      await primary("Ouvrir les décisions").click();
      if (quarter === 1) {
        // Keyboard only: Tab reaches a lever's buttons, Enter and Space press them (and only
        // them: Enter on a button does not submit), and the focus shows.
        const plus = add("Mandat long terme");
        const focused = (l: typeof plus) => l.evaluate((el) => el === document.activeElement);
        for (let i = 0; i < 40 && !(await focused(plus)); i++) await page.keyboard.press("Tab");
        expect(await focused(plus)).toBe(true);
        expect(await plus.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
        await page.keyboard.press("Enter");
        await page.keyboard.press("Enter");
        await page.keyboard.press(" ");
        await page
          .getByRole("group", { name: "Mandat long terme (touche 1) : 3 jetons" })
          .waitFor();
        await page.keyboard.press("Shift+Tab");
        expect(await focused(remove("Mandat long terme"))).toBe(true);
        for (let i = 0; i < 3; i++) await page.keyboard.press("Enter");
        await page.getByRole("group", { name: "Mandat long terme (touche 1) : 0 jeton" }).waitFor();
        await primary("Valider la décision").waitFor();
      }
      // Tokens by the lever buttons; the group says how many each lever holds.
      await add("Culture numérique").click();
      await add("Culture numérique").click();
      await add("Accompagnement").click();
      await add("Accompagnement").click();
      await remove("Accompagnement").click();
      await add("Stratégie réciproque").click();
      await expect
        .poll(() =>
          page.getByRole("group", { name: "Culture numérique (touche 2) : 2 jetons" }).count(),
        )
        .toBe(1);
      await page.getByRole("group", { name: "Accompagnement (touche 4) : 1 jeton" }).waitFor();
      if (quarter === 1) await audit.check(page, "board: decision");
      await primary("Valider la décision").click();
      // Six tokens stay unspent: the dialog asks first, by its own name and buttons.
      const confirm = page.getByRole("dialog", { name: "Valider avec des jetons non dépensés ?" });
      await confirm.waitFor();
      if (quarter === 1) await audit.check(page, "board: unspent tokens dialog");
      await confirm.getByRole("button", { name: "Valider quand même" }).click();
      // The results, in words: the quarter's heading and every team's revealed decision.
      await page.getByRole("heading", { name: `Résultats du trimestre ${quarter}` }).waitFor();
      const revealed = page.getByRole("table", { name: "Les décisions révélées" });
      const mine = revealed.getByRole("row", { name: /votre équipe/ });
      await expect.poll(() => mine.getByRole("cell").nth(1).textContent()).toBe("2");
      if (quarter === 1) await audit.check(page, "board: results");
      const next = primary(/^(Trimestre suivant|Voir le débrief)$/);
      if ((await next.getAttribute("aria-label")) === "Voir le débrief") {
        await next.click();
        break;
      }
      await next.click();
    }
    expect(quarter).toBeGreaterThanOrEqual(4);

    // The debrief: answer, reveal, then every tab.
    await page
      .getByRole("group", { name: "Quel levier a le plus compté pour votre équipe ?" })
      .getByRole("button", { name: "Culture numérique" })
      .click();
    await audit.check(page, "debrief: predict");
    await page.getByRole("button", { name: "Voir le verdict" }).click();
    const tabs = page.getByRole("tab");
    const count = await tabs.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < count; i++) {
      const tab = tabs.nth(i);
      await tab.click();
      await expect.poll(() => tab.getAttribute("aria-selected")).toBe("true");
      // What the chart shows, as tables.
      const data = page.getByRole("region", { name: "Les données du graphique" });
      await expect.poll(() => data.getByRole("table").count()).toBeGreaterThan(0);
      await audit.check(page, `debrief: ${await tab.textContent()}`);
    }
    console.log(`axe on ${audit.screens.length} solo screens: ${audit.screens.join(", ")}`);
    expect(audit.found.join("\n")).toBe("");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 240_000);

  it("has no serious or critical violation on any workshop screen, phone and projector too", async () => {
    const audit = new Audit();
    // The home page's three forms.
    const visitor = await person(rig, LAPTOP);
    await visitor.page.goto(rig.url);
    await scene(visitor.page, "home");
    for (const tab of ["Rejoindre", "Animer", "S'entraîner seul"]) {
      await visitor.page.getByRole("tab", { name: tab }).click();
      await audit.check(visitor.page, `home (${tab})`);
    }
    await visitor.context.close();

    const fac = await createWorkshop(rig.url, {
      teams: 2,
      years: 1,
      decisionSeconds: 120,
      seed: "a11y-e2e",
    });
    const { host, ana, ben, proj } = await seatRoom(rig, fac);
    const screens = [
      { name: "console", page: host.page },
      { name: "board", page: ana.page },
      { name: "phone board", page: ben.page },
      { name: "projector", page: proj.page },
    ];
    const checkAll = async (stage: string) => {
      for (const s of screens) {
        await settle(s.page);
        await audit.check(s.page, `${s.name}: ${stage}`);
      }
    };
    await checkAll("lobby");

    await request(fac.room, "game.start");
    await phase(ana.page, "briefing");
    await checkAll("briefing");
    for (let quarter = 1; quarter <= 4; quarter++) {
      if (quarter > 1) await request(fac.room, "phase.next"); // the next briefing
      await request(fac.room, "phase.next");
      await phase(ana.page, "decision");
      await phase(ben.page, "decision");
      await allocate(ana.page, { 2: 4, 4: 3, 6: 3 });
      await allocate(ben.page, { 7: 6, 1: 2 });
      if (quarter === 1) await checkAll("decision");
      if (quarter === 1) {
        // A tap on "+" leaves the focus where it was: Enter still submits, once.
        await ben.page
          .getByRole("button", { name: "Mandat long terme : ajouter un jeton" })
          .click();
        await ben.page
          .getByRole("group", { name: "Mandat long terme (touche 1) : 3 jetons" })
          .waitFor();
      }
      await submitDecision(ana.page);
      await submitDecision(ben.page);
      if (quarter === 1)
        await ben.page
          .getByRole("button", { name: "✓ Décision validée", disabled: true })
          .waitFor();
      await request(fac.room, "phase.next"); // the reveal
      await phase(ana.page, "results");
      await phase(ben.page, "results");
      if (quarter === 1) {
        await checkAll("results");
        // The canvas's ranking and gauges in words, on the board and the projector.
        for (const page of [ana.page, proj.page]) {
          const ranking = page.getByRole("table", { name: "Classement" });
          await expect.poll(() => ranking.getByRole("row").count()).toBe(3);
        }
        const gauges = ana.page.getByRole("table", { name: "Jauges" });
        expect(await gauges.getByRole("rowheader").allTextContents()).toEqual([
          "Engagement",
          "Buzz",
          "Confiance",
        ]);
        // The phone's other tabs, by their buttons.
        for (const tab of ["Jauges", "Classement"]) {
          await ben.page.getByRole("button", { name: tab, exact: true }).click();
          await expect
            .poll(() =>
              ben.page.getByRole("button", { name: tab, exact: true }).getAttribute("aria-pressed"),
            )
            .toBe("true");
          await audit.check(ben.page, `phone board: results, ${tab}`);
        }
        await ben.page.getByRole("button", { name: "Décider", exact: true }).click();
      }
    }
    await request(fac.room, "phase.next"); // the debrief
    await scene(ana.page, "debrief");
    await scene(ben.page, "debrief");
    await ana.page.getByRole("button", { name: "Culture numérique", exact: true }).click();
    await ben.page.getByRole("button", { name: "Campagnes buzz", exact: true }).click();
    await checkAll("debrief question");
    await host.page.getByRole("button", { name: "Révéler les réponses" }).click();
    for (const s of screens.slice(1, 3))
      await s.page
        .getByRole("cell", { name: /Culture numérique/ })
        .first()
        .waitFor(POLL);
    await checkAll("debrief revealed");
    // Every tab of the participant's debrief, and the console's own debrief.
    for (const s of [screens[1], screens[2]]) {
      if (!s) continue;
      const tabs = s.page.getByRole("tab");
      const count = await tabs.count();
      for (let i = 0; i < count; i++) {
        await tabs.nth(i).click();
        await audit.check(s.page, `${s.name}: debrief ${await tabs.nth(i).textContent()}`);
      }
    }
    await host.page.getByRole("button", { name: /Ouvrir le débrief/ }).click();
    await scene(host.page, "debrief");
    await audit.check(host.page, "console: debrief");
    console.log(`axe on ${audit.screens.length} workshop screens`);
    expect(audit.found.join("\n")).toBe("");
    for (const s of screens) expect(pageErrors(s.page)).toEqual([]);
    for (const p of [host, ana, ben, proj]) await p.context.close();
    await fac.room.leave();
  }, 180_000);
});
