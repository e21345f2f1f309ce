/**
 * The debrief on paper, in a real browser against the real server: a one-year workshop played by
 * two participants reaches the debrief; the console prints the room's document, a participant
 * prints their team's (in English) and the room's (before the reveal: without the attribution),
 * and the export JSON prints too (as a list of past workshops would). Each document is saved as a
 * PDF by Chromium's own print (`page.pdf()`), then read back with poppler's `pdftotext`/`pdfinfo`:
 * A4 pages, real text holding the team names, the lever names, the numbers the debrief shows and
 * the essay's lessons. A solo game of sixteen quarters against three rivals prints too.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkshop, request, type Facilitator } from "../helpers/clients";
import { LAPTOP, PHONE, pageErrors, person, phase, scene, startRig, type Rig } from "./harness";
import { allocate, joinByCode, playSoloQuarter, submitDecision } from "./steps";

const POLL = { timeout: 20_000 };
let rig: Rig;
let dir: string;

beforeAll(async () => {
  for (const tool of ["pdftotext", "pdfinfo"]) {
    try {
      execFileSync(tool, ["-v"], { stdio: "ignore" });
    } catch {
      throw new Error(`${tool} not found: apt-get install poppler-utils (.ci/run does it).`);
    }
  }
  dir = mkdtempSync(join(tmpdir(), "elan-pdf-"));
  rig = await startRig();
}, 90_000);
afterAll(async () => {
  await rig?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** window.print() records the document's title instead of opening a dialog. */
async function catchPrint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as Window & { printed?: string[] };
    w.printed = [];
    w.print = () => void w.printed?.push(document.title);
  });
}

async function printedTitles(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as Window & { printed?: string[] }).printed ?? []);
}

interface Pdf {
  text: string;
  pages: number;
  size: string;
}

/** Chromium's PDF of the page as printed, read back: its text (whitespace folded) and pages. */
async function savePdf(page: Page, name: string): Promise<Pdf> {
  // ELAN_PDF_DIR keeps the files, to look at them.
  const file = join(process.env.ELAN_PDF_DIR ?? dir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return {
    text: text.replace(/\s+/g, " "),
    pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0),
    size: /^Page size:\s+(.+)$/m.exec(info)?.[1]?.trim() ?? "",
  };
}

const fold = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim();

describe.sequential("the printed debrief", () => {
  let fac: Facilitator;
  let host: Page;
  let ana: Page;
  let ben: Page;

  it("plays a short workshop to the debrief", async () => {
    fac = await createWorkshop(rig.url, {
      teams: 2,
      years: 1,
      decisionSeconds: 0,
      seed: "print-e2e",
    });
    await request(fac.room, "team.rename", { teamId: "t1", name: "Les Rapides" });
    await request(fac.room, "team.rename", { teamId: "t2", name: "Les Curieux" });
    host = (await person(rig, LAPTOP)).page;
    ana = (await person(rig, LAPTOP)).page;
    ben = (await person(rig, PHONE)).page;
    for (const page of [host, ana, ben]) await catchPrint(page);
    await host.goto(`${rig.url}/?code=${fac.code}#facilitator=${fac.token}`);
    await scene(host, "facilitator");
    await joinByCode(ana, rig.url, fac.code, "Ana");
    await joinByCode(ben, rig.url, fac.code, "Ben");
    await request(fac.room, "game.start");
    for (let quarter = 1; quarter <= 4; quarter++) {
      await request(fac.room, "phase.next");
      await phase(ana, "decision");
      await phase(ben, "decision");
      await allocate(ana, { 2: 4, 4: 3, 6: 3 });
      await allocate(ben, { 7: 6, 1: 2 });
      await submitDecision(ana);
      await submitDecision(ben);
      await expect
        .poll(() => [...fac.room.state.teams.values()].every((t) => t.submitted), POLL)
        .toBe(true);
      await request(fac.room, "phase.next");
      await request(fac.room, "phase.next");
    }
    await scene(ana, "debrief");
    await scene(ben, "debrief");
  }, 120_000);

  it("prints the room for a participant before the reveal, without the attribution", async () => {
    await ana.click("[data-testid=predict-culture]");
    await ben.click("[data-testid=predict-campaigns]");
    await ana.click("[data-testid=print-room]");
    await expect.poll(() => printedTitles(ana), POLL).toEqual([`elan-${fac.code}-debrief-salle`]);
    const pdf = await savePdf(ana, "participant-room-before");
    expect(pdf.text).toContain("Ce qui a compté sera montré après la révélation");
    expect(pdf.text).not.toContain("Levier le plus crédité");
    expect(pdf.text).not.toContain("Prédit et crédité");
    for (const name of ["Les Rapides", "Les Curieux", "Leçons clés"])
      expect(pdf.text).toContain(name);
  }, 60_000);

  it("prints the room's document from the console: A4, several pages, real text", async () => {
    await host.click("[data-testid=console-reveal]");
    await ana.waitForSelector("[data-testid=verdict]", POLL);
    await expect
      .poll(() => ana.locator("[data-testid=best-changes] li").count(), POLL)
      .toBeGreaterThan(0);
    await host.waitForSelector("[data-testid=print-pdf]", POLL);
    await host.selectOption("[data-testid=print-scope]", "");
    await host.click("[data-testid=print-pdf]");
    await expect.poll(() => printedTitles(host), POLL).toEqual([`elan-${fac.code}-debrief-salle`]);
    expect(await host.title()).toBe(`elan-${fac.code}-debrief-salle`);
    const pdf = await savePdf(host, "console-room-fr");
    // A4 is 595.28 × 841.89 pt; Chromium rounds to its own units.
    const [width, height] = pdf.size.split(" x ").map((n) => parseFloat(n));
    expect(Math.abs((width ?? 0) - 595.28)).toBeLessThan(1);
    expect(Math.abs((height ?? 0) - 841.89)).toBeLessThan(1);
    expect(pdf.size).toContain("(A4)");
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    const text = pdf.text;
    expect(text).toContain(`Débrief de l'atelier ${fac.code}`);
    for (const s of [
      "Les Rapides",
      "Les Curieux",
      "Classement final",
      "Trajectoires",
      "Décisions",
      "Ce qui a compté",
      "Prédit et crédité",
      "Leçons clés",
      "Culture numérique",
      "Campagnes buzz",
      "Mandat long terme",
      "La contrainte du court terme",
      "Une stratégie opportuniste",
      "Score long terme",
    ]) {
      expect(text, s).toContain(s);
    }
    // The numbers the debrief shows: the standings' scores, the score split, the best changes.
    const scores = await host.locator(".standings td.score").allTextContents();
    expect(scores).toHaveLength(2);
    for (const score of scores) expect(text).toContain(fold(score));
    const split = fold(await ana.textContent("[data-testid=score-split]"));
    const [, final, played, legacy] =
      /^Score final (\S+) = (\S+) .* \+ (\S+) pour/.exec(split) ?? [];
    for (const n of [final, played, legacy]) expect(text).toContain(` ${n} `);
    for (const line of await ana.locator("[data-testid=best-changes] li").allTextContents()) {
      expect(text).toContain(fold(line));
    }
    expect(text).toContain(fold(await ana.textContent("[data-testid=credit-top]")));
    expect(pageErrors(host)).toEqual([]);
  }, 60_000);

  it("downloads the CSV for a French spreadsheet from the console", async () => {
    const [download] = await Promise.all([
      host.waitForEvent("download"),
      host.click("[data-testid=export-csv-fr]"),
    ]);
    expect(download.suggestedFilename()).toBe(`elan-${fac.code}-fr.csv`);
    const bytes = readFileSync((await download.path()) ?? "");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).trimEnd().split("\r\n");
    expect(lines[0]?.startsWith("code;quarter;year;team_id;team_name;")).toBe(true);
    expect(lines).toHaveLength(1 + 2 * 4);
    expect(lines[1]).toMatch(new RegExp(`^${fac.code};1;1;t1;Les Rapides;submitted;`));
    expect(lines[1]).toMatch(/;\d+,\d+;/); // decimal commas
  }, 30_000);

  it("prints a participant's team in English, set against the room", async () => {
    await ben.click("[data-testid=lang-en]");
    await ben.waitForSelector("[data-testid=print-team]", POLL);
    expect(fold(await ben.textContent("[data-testid=print-team]"))).toBe("My team's PDF");
    await ben.click("[data-testid=print-team]");
    await expect
      .poll(() => printedTitles(ben), POLL)
      .toEqual([`elan-${fac.code}-debrief-les-curieux`]);
    const pdf = await savePdf(ben, "participant-team-en");
    expect(pdf.size).toContain("(A4)");
    const text = pdf.text;
    for (const s of [
      "Les Curieux's debrief",
      "Rank ",
      "Room average",
      "Final ranking",
      "Decisions",
      "What mattered",
      "Predicted and credited",
      "Key lessons",
      "The short-term constraint",
      "Buzz campaigns",
      "Digital culture",
    ]) {
      expect(text, s).toContain(s);
    }
    const split = fold(await ben.textContent("[data-testid=score-split]"));
    const final = /^Final score (\S+) =/.exec(split)?.[1] ?? "missing";
    expect(final).toMatch(/^\d+\.\d$/);
    expect(text).toContain(` ${final} `);
    expect(text).toContain(split); // the team's score in its parts, word for word
    expect(pageErrors(ben)).toEqual([]);
  }, 60_000);

  it("prints from the workshop's JSON export, as a list of past workshops would", async () => {
    const exported: unknown = await (
      await fetch(`${rig.url}/api/workshops/${fac.code}/export?format=json`, {
        headers: { authorization: `Bearer ${fac.token}` },
      })
    ).json();
    await host.evaluate((json) => window.__elan!.printExport(json, "t1"), exported);
    await expect
      .poll(async () => (await printedTitles(host)).at(-1), POLL)
      .toBe(`elan-${fac.code}-debrief-les-rapides`);
    const pdf = await savePdf(host, "export-team-fr");
    expect(pdf.text).toContain("Débrief de Les Rapides");
    expect(pdf.text).toContain("Moyenne de la salle");
    const refused = await host.evaluate(() =>
      window.__elan!.printExport({ format: "other" }, null).then(
        () => "printed",
        (e: Error) => e.message,
      ),
    );
    expect(refused).toBe("Ce fichier n'est pas un export JSON d'Élan : format");
  }, 60_000);
});

describe("the printed debrief in solo", () => {
  it("prints a sixteen-quarter solo room and the learner's team", async () => {
    const { page } = await person(rig, LAPTOP);
    await catchPrint(page);
    await page.goto(rig.url);
    await page.click("[data-testid=tab-solo]");
    await page.click("[data-testid=solo-scenario-new-cfo]");
    await page.click("[data-testid=solo-submit]");
    await scene(page, "board");
    await phase(page, "briefing");
    for (let q = 1; q <= 16; q++) await playSoloQuarter(page, q, null);
    await page.keyboard.press("Enter");
    await scene(page, "debrief", 15_000);
    await page.click("[data-testid=predict-culture]");
    await page.click("[data-testid=predict-reveal]");
    await expect
      .poll(() => page.locator("[data-testid=best-changes] li").count(), POLL)
      .toBeGreaterThan(0);
    const view = (await page.evaluate(() => window.__elan!.view())) as {
      code: string;
      teams: Record<string, { name: string }>;
    };
    const names = Object.values(view.teams).map((t) => t.name);
    expect(names).toHaveLength(4);

    await page.click("[data-testid=print-room]");
    await expect.poll(() => printedTitles(page), POLL).toEqual([`elan-${view.code}-debrief-salle`]);
    const room = await savePdf(page, "solo-room-fr");
    expect(room.size).toContain("(A4)");
    expect(room.pages).toBeGreaterThanOrEqual(5);
    expect(room.text).toContain("Débrief de la partie solo");
    expect(room.text).toContain("16 trimestres · 4 équipes");
    for (const name of names) expect(room.text).toContain(name);
    for (const s of ["T16", "Leçons clés", "Un recrutement difficile", "Prédit et crédité"]) {
      expect(room.text, s).toContain(s);
    }
    const split = fold(await page.textContent("[data-testid=score-split]"));
    const final = /^Score final (\S+) =/.exec(split)?.[1] ?? "missing";
    expect(room.text).toContain(` ${final} `);

    await page.click("[data-testid=print-team]");
    await expect.poll(async () => (await printedTitles(page)).length, POLL).toBe(2);
    const team = await savePdf(page, "solo-team-fr");
    expect(team.text).toContain(split);
    expect(team.text).toContain("Moyenne de la salle");
    expect(pageErrors(page)).toEqual([]);
  }, 180_000);
});
