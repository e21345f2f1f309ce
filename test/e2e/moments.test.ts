/**
 * The room's moments in a real browser: a quarter's reveal plays on a board and on the
 * projector and ends (skipped by a click or a key; immediate with reduced motion), the last
 * quarter ends on the podium, the revealed decisions table shows on a 390 × 844 phone and on
 * the projector with no header over another, sound is off until the projector turns it on, and
 * the projector shows each debrief screen the facilitator picks in the console.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEBRIEF_SCREENS } from "../../shared/protocol/screens";
import { getScenario } from "../../shared/scenarios/index";
import type { DebriefData } from "../../shared/protocol/view";
import { computeInsights } from "../../client/src/app/insightsCompute";
import type { ClientView } from "../../client/src/net/normalize";
import { waterfall } from "../../client/src/viewmodels/credit";
import {
  bandSeries,
  leverStacks,
  replayDebrief,
  roomLuckBands,
  series,
} from "../../client/src/viewmodels/debrief";
import { gaugeModels, startPoint } from "../../client/src/viewmodels/gauges";
import { leaderboard } from "../../client/src/viewmodels/leaderboard";
import { formatMetric } from "../../client/src/viewmodels/metrics";
import { createWorkshop, request, type Facilitator } from "../helpers/clients";
import {
  LAPTOP,
  PHONE,
  PROJECTOR,
  pageErrors,
  person,
  phase,
  scene,
  settle,
  shot,
  startRig,
  type Rig,
} from "./harness";
import { allocate, joinByCode } from "./steps";

const POLL = { timeout: 20_000 };
/** The projectors a room may have. */
const SCREENS = [PROJECTOR, { width: 1280, height: 720 }, { width: 1024, height: 768 }];

interface Spoken {
  headings: string[];
  lines: string[];
  tables: { caption: string; head: string[]; rows: string[][] }[];
}

/** The projector's text alternative, as a screen reader gets it. */
const spoken = (page: Page): Promise<Spoken> =>
  page.evaluate(() => {
    const region = document.querySelector("[data-testid=projector-text]");
    const cells = (row: HTMLTableRowElement) => [...row.cells].map((c) => c.textContent ?? "");
    return {
      headings: [...(region?.querySelectorAll("h2") ?? [])].map((e) => e.textContent ?? ""),
      lines: [...(region?.querySelectorAll("h2, p") ?? [])].map((e) => e.textContent ?? ""),
      tables: [...(region?.querySelectorAll("table") ?? [])].map((t) => ({
        caption: t.caption?.textContent ?? "",
        head: cells(t.tHead!.rows[0]!),
        rows: [...t.tBodies[0]!.rows].map(cells),
      })),
    };
  });

/** The text once the screen titled `title` is drawn with its data (not "computing"). */
async function shownAs(page: Page, title: string): Promise<Spoken> {
  await expect
    .poll(async () => {
      const text = await spoken(page);
      return text.headings[0] === title && !text.lines.includes("Calcul en cours…");
    }, POLL)
    .toBe(true);
  return spoken(page);
}

const stage = (page: Page) =>
  page.evaluate(() => {
    const view = window.__elan?.view() as { phase: string; turn: number };
    return `${view.phase}:${view.turn}`;
  });

/** Moves the room on, one phase at a time as `page` sees it, until it is in `phase`. */
async function stepTo(page: Page, fac: Facilitator, phase: string): Promise<void> {
  for (let was = await stage(page); !was.startsWith(`${phase}:`); was = await stage(page)) {
    await request(fac.room, "phase.next");
    await page.waitForFunction((before) => {
      const view = window.__elan?.view() as { phase: string; turn: number };
      return `${view.phase}:${view.turn}` !== before;
    }, was);
  }
}

/** Whether the canvas wrote `value` in one of its text objects. */
const canvasHas = (value: string) =>
  (window.__elan?.canvasTexts() ?? []).some((t) => t.includes(value));

interface Reveal {
  scene: string;
  turn: number;
  final: boolean;
  step: string;
  ended: string;
  cause?: string;
  totalMs: number;
}
type Box = { label: string; x: number; y: number; w: number; h: number };

const reveal = (page: Page) =>
  page.evaluate(() => (window.__elan?.reveal ?? null) as Reveal | null);

/** Waits until `page` has a reveal of quarter `turn` in the state `check` accepts. */
async function revealOf(page: Page, turn: number, check: (r: Reveal) => boolean): Promise<Reveal> {
  let last: Reveal | null = null;
  try {
    await expect
      .poll(async () => {
        last = await reveal(page);
        return last !== null && last.turn === turn && check(last);
      }, POLL)
      .toBe(true);
  } catch (error) {
    // Say what the screen was doing: a lost race and a skip look alike otherwise.
    throw new Error(`reveal of quarter ${turn} not reached; last seen ${JSON.stringify(last)}`, {
      cause: error,
    });
  }
  return (await reveal(page)) as Reveal;
}

/** No two header boxes overlap, and each lies within `width`. */
function expectApart(boxes: readonly Box[], width: number): void {
  expect(boxes.length).toBe(8); // seven buckets and the total
  for (const b of boxes) {
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.x + b.w).toBeLessThanOrEqual(width);
  }
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1] as Box, sorted[i] as Box];
    const apart = a.x + a.w <= b.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
    expect(apart, `${a.label} overlaps ${b.label}`).toBe(true);
  }
}

const headers = (page: Page) =>
  page.evaluate(() => window.__elan?.decisionsHeaders ?? null) as Promise<{
    scene: string;
    boxes: Box[];
  } | null>;

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig?.close();
});

describe.sequential("the room's moments", () => {
  let fac: Facilitator;
  let proj: Page;

  it("plays the reveal, skips it, ends on the podium, and shows every team's decisions", async () => {
    fac = await createWorkshop(rig.url, {
      teams: 2,
      years: 1,
      decisionSeconds: 0,
      seed: "moments",
    });
    const laptop = await person(rig, LAPTOP, "fr-FR", "no-preference");
    const phone = await person(rig, PHONE); // reduced motion
    const projector = await person(rig, PROJECTOR, "fr-FR", "no-preference");
    proj = projector.page;
    await joinByCode(laptop.page, rig.url, fac.code, "Léa");
    await joinByCode(phone.page, rig.url, fac.code, "Malik");
    await proj.goto(`${rig.url}/?code=${fac.code}&view=projector`);
    await scene(proj, "projector");

    // Sound: off until the projector turns it on; a participant's stays off.
    await proj.click("[data-testid=sound-toggle]");
    expect(await proj.getAttribute("[data-testid=sound-toggle]", "aria-pressed")).toBe("true");
    // The lobby plays no sound: no toggle there.
    expect(await phone.page.locator("[data-testid=sound-toggle]").count()).toBe(0);

    await request(fac.room, "game.start");
    const boards = [laptop.page, phone.page];
    for (let q = 1; q <= 4; q++) {
      await request(fac.room, "phase.next");
      for (const page of [...boards, proj]) await phase(page, "decision");
      for (const page of boards) await scene(page, "board");
      if (q === 2) {
        // Both teams spend their budget and submit: the projector rings the bell.
        for (const page of boards) {
          await allocate(page, { 2: 5, 4: 5 });
          await page.keyboard.press("Enter");
        }
        await expect
          .poll(() => proj.evaluate(() => window.__elan?.sound?.played ?? []), POLL)
          .toContain("allSubmitted");
      }
      await request(fac.room, "phase.next");
      if (q === 1) {
        // The sequence plays on the laptop and the projector, ≈ 3–6 s, then ends by itself.
        const playing = await revealOf(laptop.page, 1, (r) => r.ended === "");
        expect(playing.totalMs).toBeGreaterThanOrEqual(3000);
        expect(playing.totalMs).toBeLessThanOrEqual(6000);
        await revealOf(proj, 1, (r) => r.scene === "projector");
        await settle(proj);
        await shot(proj, "moments-reveal-projector");
        await shot(laptop.page, "moments-reveal-board");
        await revealOf(laptop.page, 1, (r) => r.ended === "played");
        await revealOf(proj, 1, (r) => r.ended === "played");
        // Reduced motion: the end state at once, nothing played.
        expect((await revealOf(phone.page, 1, () => true)).ended).toBe("instant");
        // The projector chimed; the phone, silent by default, only noted the cue.
        expect(await proj.evaluate(() => window.__elan?.sound?.played)).toContain("reveal");
        expect(await phone.page.evaluate(() => window.__elan?.sound)).toMatchObject({
          enabled: false,
          played: [],
        });
        expect(await phone.page.evaluate(() => window.__elan?.sound?.muted)).toContain("reveal");
      }
      if (q === 2) {
        // A click skips it on the board, a key on the projector.
        await revealOf(laptop.page, 2, (r) => r.ended === "" && r.step !== "done");
        await laptop.page.mouse.click(LAPTOP.width / 2, LAPTOP.height / 2);
        await revealOf(laptop.page, 2, (r) => r.ended === "skipped");
        await revealOf(proj, 2, (r) => r.ended === "");
        await proj.keyboard.press("Space");
        await revealOf(proj, 2, (r) => r.ended === "skipped");
        // The board is usable at once: the results drawn, in this phase.
        await expect
          .poll(() => laptop.page.evaluate(() => window.__elan?.drawn?.phase), POLL)
          .toBe("results");
      }
      if (q === 3) {
        // The decisions table, on the phone's ranking tab and on the projector.
        await phase(phone.page, "results");
        // A tap on the ranking tab (again, if a redraw for the results swallowed the first).
        await expect
          .poll(async () => {
            await phone.page.mouse.click((PHONE.width * 5) / 6, PHONE.height - 30);
            await settle(phone.page);
            return (await headers(phone.page))?.scene ?? "";
          }, POLL)
          .toBe("board");
        expectApart((await headers(phone.page))!.boxes, PHONE.width);
        await settle(phone.page);
        await shot(phone.page, "moments-decisions-phone");
        await revealOf(proj, 3, (r) => r.ended !== "");
        await expect.poll(async () => (await headers(proj))?.scene ?? "", POLL).toBe("projector");
        expectApart((await headers(proj))!.boxes, PROJECTOR.width);
        await settle(proj);
        await shot(proj, "moments-decisions-projector");
        await phone.page.mouse.click(PHONE.width / 6, PHONE.height - 30);
      }
      if (q < 4) await request(fac.room, "phase.next");
    }

    // The last quarter: the sequence ends on the podium, then the podium stays on screen.
    const last = await revealOf(laptop.page, 4, (r) => r.final && r.ended === "");
    expect(last.totalMs).toBeLessThanOrEqual(6000);
    await revealOf(laptop.page, 4, (r) => r.step === "podium");
    await settle(laptop.page);
    await shot(laptop.page, "moments-podium-reveal");
    await revealOf(laptop.page, 4, (r) => r.ended === "played");
    const top = await laptop.page.evaluate(() => {
      const view = window.__elan?.view() as {
        teams: Record<string, { name: string; history: { score: number }[] }>;
      };
      return Object.values(view.teams)
        .map((t) => ({ name: t.name, score: t.history[t.history.length - 1]?.score ?? 0 }))
        .sort((a, b) => b.score - a.score)
        .map((t) => t.name);
    });
    for (const page of [laptop.page, phone.page, proj]) {
      await expect
        .poll(() => page.evaluate(() => window.__elan?.podium?.names ?? []), POLL)
        .toEqual(top);
      await settle(page);
    }
    await shot(laptop.page, "moments-podium-board");
    await shot(phone.page, "moments-podium-phone");
    await shot(proj, "moments-podium-projector");
    for (const page of [laptop.page, phone.page, proj]) expect(pageErrors(page)).toEqual([]);
    await laptop.context.close();
    await phone.context.close();
  }, 150_000);

  it("shows each debrief screen the facilitator picks, for every team or one", async () => {
    await request(fac.room, "phase.next");
    await phase(proj, "debrief");
    // The console: the facilitator's own page, opened with the private link.
    const console = await person(rig, LAPTOP);
    await console.page.goto(`${rig.url}/?code=${fac.code}#facilitator=${fac.token}`);
    await scene(console.page, "facilitator");
    await console.page.waitForSelector("[data-testid=projector-picker]");
    const names = await proj.evaluate(() =>
      Object.values(
        (window.__elan?.view() as { teams: Record<string, { name: string }> }).teams,
      ).map((t) => t.name),
    );
    for (const screen of DEBRIEF_SCREENS) {
      await console.page.click(`[data-testid=show-${screen}]`);
      await expect
        .poll(() => proj.evaluate(() => window.__elan?.projectorShow?.view ?? ""), POLL)
        .toBe(screen);
      const title = await console.page.textContent(`[data-testid=show-${screen}]`);
      // Drawn once its data is ready (the replayed log, the attribution): not "computing".
      await expect
        .poll(async () => {
          const lines = (await proj.evaluate(() => window.__elan?.projectorShow?.lines)) ?? [];
          return lines[0] === title && !lines.includes("Calcul en cours…");
        }, POLL)
        .toBe(true);
      expect(await console.page.getAttribute(`[data-testid=show-${screen}]`, "aria-pressed")).toBe(
        "true",
      );
      await settle(proj);
      await shot(proj, `moments-show-${screen}`);
    }
    // Screens about every team name them all; one team's screen is about that team alone.
    await console.page.click("[data-testid=show-trajectories]");
    await expect
      .poll(() => proj.evaluate(() => window.__elan?.projectorShow?.view), POLL)
      .toBe("trajectories");
    const lines = (await proj.evaluate(() => window.__elan?.projectorShow?.lines)) ?? [];
    for (const name of names) expect(lines.some((l) => l.startsWith(name))).toBe(true);
    await console.page.selectOption("[data-testid=show-team]", "t2");
    await expect
      .poll(() => proj.evaluate(() => window.__elan?.projectorShow?.team), POLL)
      .toBe("t2");
    expect((await proj.evaluate(() => window.__elan?.projectorShow?.lines))?.[0]).toContain(
      names[1],
    );
    await console.page.click("[data-testid=show-luck]");
    await expect
      .poll(() => proj.evaluate(() => window.__elan?.projectorShow), POLL)
      .toMatchObject({ view: "luck", team: "t2" });
    await settle(proj);
    await shot(proj, "moments-show-luck-team");
    expect(await console.page.textContent("[data-testid=show-status]")).toContain(names[1]);
    // The projector's choice of sound is remembered after a reload.
    await proj.reload();
    await scene(proj, "projector");
    expect(await proj.getAttribute("[data-testid=sound-toggle]", "aria-pressed")).toBe("true");
    expect(pageErrors(proj)).toEqual([]);
    expect(pageErrors(console.page)).toEqual([]);
    await console.context.close();
  }, 90_000);

  it("says in text what the projector draws, and draws a bot team's narrow luck band", async () => {
    // Bot teams only, none funding campaigns: in a year without scenario events luck hardly
    // moves them (the room's buzz is the only draw left).
    const bots = await createWorkshop(rig.url, {
      teams: 3,
      years: 1,
      decisionSeconds: 0,
      seed: "projector-text",
    });
    const strategies = ["balanced", "balanced", "balanced"];
    for (const [i, strategy] of strategies.entries())
      await request(bots.room, "team.bot", { teamId: `t${i + 1}`, strategy });
    const screen = await person(rig, PROJECTOR);
    const page = screen.page;
    await page.goto(`${rig.url}/?code=${bots.code}&view=projector`);
    await scene(page, "projector");
    await request(bots.room, "game.start");
    await stepTo(page, bots, "results");

    // The results: each team's gauges as the panels draw them, the ranking, the decisions.
    const view = await page.evaluate(() => window.__elan?.view() as ClientView);
    const teams = Object.values(view.teams);
    const start = startPoint(getScenario(view.scenarioId));
    // Redrawn for the results: the revealed decisions are said under the panels.
    const revealed = async () =>
      (await spoken(page)).tables.some((t) => t.caption.startsWith("Les décisions révélées"));
    await expect.poll(revealed, POLL).toBe(true);
    let text = await spoken(page);
    for (const team of teams) {
      const gauges = text.tables.find((t) => t.caption === `Jauges de ${team.name}`);
      const drawn = gaugeModels("fr", team.history, start).map((g) => g.display);
      expect(gauges?.rows.map((r) => r[1])).toEqual(drawn);
      for (const value of drawn) expect(await page.evaluate(canvasHas, value)).toBe(true);
    }
    const rows = leaderboard("fr", teams, null);
    const ranking = text.tables.find((t) => t.caption === "Classement");
    expect(ranking?.rows.map((r) => [r[0], r[3]])).toEqual(
      rows.map((r) => [r.name, r.scoreDisplay]),
    );

    await stepTo(page, bots, "debrief");
    const data = await request<DebriefData>(bots.room, "debrief.data");
    const replayed = replayDebrief(data);
    if (!replayed.ok) throw new Error(replayed.error.message);
    const game = replayed.value;
    const credit = computeInsights(data);
    if (!credit.ok) throw new Error(credit.message);
    const bands = roomLuckBands(game);
    const name = (id: string) => view.teams[id]?.name ?? id;
    const score = (v: number) => formatMetric("fr", "score", v);

    const console = await person(rig, LAPTOP);
    await console.page.goto(`${rig.url}/?code=${bots.code}#facilitator=${bots.token}`);
    await scene(console.page, "facilitator");
    await console.page.waitForSelector("[data-testid=projector-picker]");
    for (const pick of DEBRIEF_SCREENS) {
      await console.page.click(`[data-testid=show-${pick}]`);
      const title = (await console.page.textContent(`[data-testid=show-${pick}]`)) ?? "";
      text = await shownAs(page, title);
      const all = [
        ...text.lines,
        ...text.tables.flatMap((t) => [t.caption, ...t.head, ...t.rows.flat()]),
      ];
      // Every team is named (the verdict names the teams asked the question: bots are not),
      // and every line the canvas wrote is said.
      if (pick !== "verdict")
        for (const id of game.teamIds) expect(all.join("\n"), pick).toContain(name(id));
      const drawn = await page.evaluate((verdict) => {
        const hooks = window.__elan;
        return [
          ...(hooks?.projectorShow?.lines ?? []),
          ...((verdict && hooks?.projectorVerdict) || []),
        ];
      }, pick === "verdict");
      // (word by word: a trajectory's end label is a name cell and a value cell in the table)
      const said = all.join("\n");
      for (const word of drawn.flatMap((line) => line.split(/\s+/)).filter(Boolean))
        expect(said, `${pick}: ${word}`).toContain(word);
      const table = (caption: string) => text.tables.find((t) => t.caption === caption);
      for (const id of game.teamIds) {
        const real = series(game, id, "score");
        if (pick === "trajectories") {
          const column = text.tables[0]!.head.indexOf(name(id));
          expect(text.tables[0]!.rows.map((r) => r[column])).toEqual(real.map(score));
        }
        if (pick === "levers")
          expect(table(name(id))?.rows.map((r) => r.slice(1).map(Number))).toEqual(
            leverStacks(game, id).map((q) => q.map((b) => b.tokens)),
          );
        if (pick === "attribution") {
          const team = credit.teams.find((t) => t.teamId === id)!;
          const model = waterfall("fr", team.attribution.total, "game");
          expect(table(`Le score de ${name(id)} crédité aux leviers`)?.rows).toEqual(
            model.bars.map((b) => [b.label, b.display]),
          );
        }
        if (pick === "luck") {
          const b = bandSeries(bands[id]!, "score");
          const luck = text.tables.find((t) =>
            t.caption.endsWith(`${name(id)}, trimestre par trimestre`),
          );
          expect(luck?.rows.map((r) => r.slice(1))).toEqual(
            real.map((v, q) =>
              [b.p5[q]!, b.p25[q]!, b.p50[q]!, b.p75[q]!, b.p95[q]!, v].map(score),
            ),
          );
        }
      }
      if (pick === "podium") for (const row of rows) expect(all).toContain(`${row.name}`);
      // Screenshots at the room's three projector sizes (reviewed by eye: docs say which).
      for (const size of SCREENS) {
        await page.setViewportSize(size);
        await settle(page);
        await shot(page, `projector-show-${pick}-${size.width}`);
      }
      await page.setViewportSize(PROJECTOR);
    }

    // The bot team luck moved least: its band is narrow but drawn, thicker than the team's
    // line (7 px) around it.
    const spread = (id: string) => {
      const b = bandSeries(bands[id]!, "score");
      return Math.max(...b.p95.map((v, q) => v - b.p5[q]!));
    };
    const narrow = [...game.teamIds].sort((x, y) => spread(x) - spread(y))[0]!;
    expect(spread(narrow)).toBeLessThan(0.05); // luck hardly moved it...
    await console.page.click("[data-testid=show-luck]");
    await shownAs(page, "Part de chance");
    await console.page.selectOption("[data-testid=show-team]", narrow);
    text = await shownAs(page, `Part de chance · ${name(narrow)}`);
    const band = await page.evaluate(() => window.__elan?.projectorShow?.bands ?? []);
    expect(band.map((x) => x.team)).toEqual([narrow]);
    expect(band[0]!.thinnest).toBeGreaterThanOrEqual(2.6 * 7 - 0.01); // ...yet it shows
    for (const size of SCREENS) {
      await page.setViewportSize(size);
      await settle(page);
      await shot(page, `projector-luck-bot-${size.width}`);
    }
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(console.page)).toEqual([]);
    await console.context.close();
    await screen.context.close();
  }, 150_000);
});
