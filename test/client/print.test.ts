/**
 * The printed debrief's document model, built from a replayed game without a browser: the ranking
 * with its score split, the trajectories (every team, or one team against the room's average),
 * the decisions table, the attribution and best changes, predicted vs attributed once revealed,
 * the six lessons with the room's own numbers — and the same document from a workshop's JSON
 * export as from the live room. Bad input (a foreign file, a log that does not replay, an unknown
 * team) is refused with a reason.
 */
import { describe, expect, it } from "vitest";
import { roomInsights, topLever } from "../../shared/analysis/insights";
import { BUCKET_IDS, LEVER_IDS } from "../../shared/model/levers";
import type { GameState } from "../../shared/model/types";
import type { DebriefData } from "../../shared/protocol/view";
import { exportJson } from "../../server/http/export";
import { translate } from "../../client/src/i18n/index";
import { buildPrintDoc, fileSlug, type PrintDoc } from "../../client/src/print/model";
import { sourceFromRoom } from "../../client/src/print/roomSource";
import { sourceFromExport, type PrintSource } from "../../client/src/print/source";
import { DEBRIEF_METRICS, series } from "../../client/src/viewmodels/debrief";
import { percent } from "../../client/src/viewmodels/format";
import { formatMetric, scoreSplit } from "../../client/src/viewmodels/metrics";
import { allocation } from "../helpers/clients";
import { FACILITATOR, player, workshopHarness } from "../helpers/session";
import { playedGame, viewFromGame } from "./fixtures";

const PRINTED = Date.UTC(2026, 2, 14, 10, 0);
const game: GameState = playedGame(6, { t1: "balanced", t2: "buzz", t3: "expert" });
const insights = roomInsights(game);
const data: DebriefData = {
  scenario: game.scenario,
  seed: game.seed,
  teamIds: game.teamIds,
  log: game.log,
};
const top1 = topLever(insights[0]!.attribution.total);
const wrong = BUCKET_IDS.find((b) => b !== topLever(insights[1]!.attribution.total))!;

function source(over: Partial<PrintSource> = {}): PrintSource {
  return {
    language: "fr",
    code: "ABC234",
    solo: false,
    game: data,
    teams: [
      { id: "t1", name: "Les Rapides", bot: false },
      { id: "t2", name: "<b>Équipe 2</b>", bot: false },
      { id: "t3", name: "Robots", bot: true },
    ],
    predictions: { t1: top1, t2: wrong, t3: null },
    revealed: true,
    credit: insights,
    printedAt: PRINTED,
    ...over,
  };
}

function build(s: PrintSource, scope: Parameters<typeof buildPrintDoc>[1]): PrintDoc {
  const result = buildPrintDoc(s, scope);
  if (!result.ok) throw new Error(result.reason);
  return result.doc;
}

const score = (id: string) => game.history[id]!.at(-1)!.outputs.score;

describe("the room's printed debrief", () => {
  const doc = build(source(), { kind: "room" });

  it("names the file and the workshop, in the reader's language", () => {
    expect(doc.fileTitle).toBe("elan-ABC234-debrief-salle");
    expect(doc.heading).toBe("Débrief de l'atelier ABC234");
    expect(doc.subheading).toContain("6 trimestres · 3 équipes · imprimé le 14 mars 2026");
    expect(doc.subheading).toContain(game.scenario.title.fr);
    const en = build(source({ language: "en" }), { kind: "room" });
    expect(en.fileTitle).toBe("elan-ABC234-debrief-room");
    expect(en.heading).toBe("Workshop ABC234 debrief");
    expect(en.subheading).toContain("printed on 14 March 2026");
  });

  it("ranks the teams by final score, with the score's split and the CFO's KPI", () => {
    const byScore = [...game.teamIds].sort((a, b) => score(b) - score(a));
    expect(doc.ranking.map((r) => r.teamId)).toEqual(byScore);
    expect(doc.ranking.map((r) => r.rank)).toEqual([1, 2, 3]);
    for (const row of doc.ranking) {
      const out = game.history[row.teamId]!.at(-1)!.outputs;
      expect(row.score).toBe(formatMetric("fr", "score", out.score));
      expect(row.played).toBe(formatMetric("fr", "score", out.score - out.legacy));
      expect(row.kpi).toBe(formatMetric("fr", "kpi", out.kpi));
      expect(row.own).toBe(false);
    }
    expect(doc.ranking.find((r) => r.teamId === "t3")?.name).toBe("Robots (robot)");
    expect(doc.ranking.find((r) => r.teamId === "t2")?.name).toBe("<b>Équipe 2</b>");
  });

  it("draws every team's trajectory of every measure", () => {
    expect(doc.charts.map((c) => c.metric)).toEqual([...DEBRIEF_METRICS]);
    for (const chart of doc.charts) {
      expect(chart.lines.map((l) => l.label)).toEqual(["Les Rapides", "<b>Équipe 2</b>", "Robots"]);
      chart.lines.forEach((line, i) => {
        expect(line.style).toEqual({ kind: "team", index: i });
        expect(line.values).toEqual(series(game, game.teamIds[i]!, chart.metric));
        expect(line.values).toHaveLength(6);
      });
    }
    expect(doc.charts[0]?.format(12.345)).toBe("12,3");
  });

  it("tables every team's decisions, quarter by quarter and lever by lever", () => {
    expect(doc.decisions.map((d) => d.teamId)).toEqual(["t1", "t2", "t3"]);
    expect(doc.bucketLabels).toEqual(BUCKET_IDS.map((id) => translate("fr", `lever.${id}.short`)));
    for (const table of doc.decisions) {
      const played = game.history[table.teamId]!.map((r) => r.allocation);
      expect(table.rows.map((r) => r.label)).toEqual(["T1", "T2", "T3", "T4", "T5", "T6"]);
      expect(table.rows.map((r) => r.tokens)).toEqual(
        played.map((a) => BUCKET_IDS.map((b) => a[b])),
      );
      table.rows.forEach((row) => expect(row.total).toBe(row.tokens.reduce((x, y) => x + y, 0)));
      expect(table.totals).toEqual(BUCKET_IDS.map((b) => played.reduce((sum, a) => sum + a[b], 0)));
      expect(table.total).toBe(table.totals.reduce((x, y) => x + y, 0));
    }
  });

  it("credits each team's score to its levers, with its best changes", () => {
    expect(doc.credit?.map((c) => c.teamId)).toEqual(["t1", "t2", "t3"]);
    for (const block of doc.credit ?? []) {
      const credit = insights.find((x) => x.teamId === block.teamId)!;
      expect(block.bars.map((b) => b.key)).toEqual(["base", ...BUCKET_IDS, "total"]);
      const parts = block.bars.filter((b) => b.key !== "total").reduce((s, b) => s + b.value, 0);
      expect(parts).toBeCloseTo(credit.attribution.score, 9);
      expect(block.bars.at(-1)?.display).toBe(formatMetric("fr", "score", score(block.teamId)));
      expect(block.top).toBe(
        translate("fr", "credit.top", {
          lever: translate("fr", `lever.${topLever(credit.attribution.total)}.name`),
        }),
      );
      expect(block.best.length).toBeGreaterThan(0);
    }
  });

  it("sets each asked team's answer against the lever credited most, once revealed", () => {
    expect(doc.verdict).toEqual([
      {
        name: "Les Rapides",
        answer: translate("fr", `lever.${top1}.name`),
        credited: translate("fr", `lever.${top1}.name`),
        match: true,
      },
      expect.objectContaining({ name: "<b>Équipe 2</b>", match: false }),
    ]); // the bot team was not asked
    expect(build(source({ revealed: false }), { kind: "room" }).verdict).toBeNull();
  });

  it("ends on the essay's six causes, each with what the room did with it", () => {
    expect(doc.lessons.map((l) => l.lever)).toEqual([...LEVER_IDS]);
    expect(doc.lessons[0]?.cause).toBe("La contrainte du court terme");
    let tokens = 0;
    const on = Object.fromEntries(LEVER_IDS.map((id) => [id, 0])) as Record<string, number>;
    for (const id of game.teamIds) {
      for (const r of game.history[id]!) {
        for (const b of BUCKET_IDS) tokens += r.allocation[b];
        for (const l of LEVER_IDS) on[l]! += r.allocation[l];
      }
    }
    for (const lesson of doc.lessons) {
      const average =
        insights.reduce((s, x) => s + x.attribution.total[lesson.lever], 0) / insights.length;
      expect(lesson.note).toBe(
        `Dans la salle : ${percent("fr", on[lesson.lever]! / tokens, 0)} des jetons ; crédit moyen ${formatMetric("fr", "score", average, true)} points.`,
      );
      expect(lesson.text.length).toBeGreaterThan(80);
    }
    expect(doc.questions).toHaveLength(3);
    expect(doc.split).toBeNull();
  });

  it("leaves the attribution out for a reader who may not see it yet", () => {
    const hidden = build(source({ credit: null }), { kind: "room" });
    expect(hidden.credit).toBeNull();
    expect(hidden.verdict).toBeNull();
    expect(hidden.lessons[1]?.note).toMatch(/^Dans la salle : \d+ % des jetons\.$/);
  });
});

describe("a team's printed debrief", () => {
  const doc = build(source({ language: "en" }), { kind: "team", teamId: "t2" });

  it("is the team's story: its rank, its line against the room, its decisions and credit", () => {
    const rank = 1 + game.teamIds.filter((id) => score(id) > score("t2")).length;
    expect(doc.fileTitle).toBe("elan-ABC234-debrief-b-equipe-2-b");
    expect(doc.heading).toBe("<b>Équipe 2</b>'s debrief");
    expect(doc.subheading.startsWith(`Rank ${rank} of 3 · workshop ABC234 · `)).toBe(true);
    expect(doc.ranking.filter((r) => r.own).map((r) => r.teamId)).toEqual(["t2"]);
    expect(doc.split).toBe(scoreSplit("en", game.history.t2!.at(-1)!.outputs));
    for (const chart of doc.charts) {
      expect(chart.lines.map((l) => l.style.kind)).toEqual(["other", "other", "average", "own"]);
      const own = series(game, "t2", chart.metric);
      expect(chart.lines.at(-1)?.values).toEqual(own);
      const average = chart.lines[2]!.values;
      average.forEach((v, q) => {
        const mean = game.teamIds.reduce((s, id) => s + series(game, id, chart.metric)[q]!, 0) / 3;
        expect(v).toBeCloseTo(mean, 12);
      });
      expect(chart.lines[2]?.label).toBe("Room average");
    }
    expect(doc.decisions.map((d) => d.teamId)).toEqual(["t2"]);
    expect(doc.credit?.map((c) => c.teamId)).toEqual(["t2"]);
    expect(doc.verdict).toEqual([
      expect.objectContaining({ match: false, answer: translate("en", `lever.${wrong}.name`) }),
    ]);
    expect(doc.lessons[0]?.note).toMatch(
      /^<b>Équipe 2<\/b>: \d+% of its tokens \(room: \d+%\); credit [+−-]?\d+\.\d points\.$/,
    );
  });

  it("refuses a team the room does not have", () => {
    expect(buildPrintDoc(source(), { kind: "team", teamId: "__proto__" })).toEqual({
      ok: false,
      reason: "unknown team __proto__",
    });
  });
});

describe("where the document comes from", () => {
  it("builds the same document from a workshop's JSON export as from the live room", () => {
    const h = workshopHarness({ teams: 2, years: 1, seed: "print-export" });
    h.join("pa", "Ana");
    h.act(FACILITATOR, { type: "team.rename", teamId: "t1", name: "Les Rapides" });
    h.act(FACILITATOR, { type: "game.start" });
    for (let q = 1; q <= 4; q++) {
      h.act(FACILITATOR, { type: "phase.next" });
      h.act(player("pa"), { type: "allocation.submit", allocation: allocation({ culture: q }) });
      h.act(FACILITATOR, { type: "phase.next" });
      h.act(FACILITATOR, { type: "phase.next" });
    }
    expect(h.act(player("pa"), { type: "debrief.predict", lever: "culture" })).toBeNull();
    expect(h.act(FACILITATOR, { type: "debrief.reveal" })).toBeNull();
    const json: unknown = JSON.parse(JSON.stringify(exportJson(h.state, h.log)));
    const fromExport = sourceFromExport(json, "fr", PRINTED);
    if (!fromExport.ok) throw new Error(fromExport.reason);
    expect(fromExport.source.teams.map((t) => t.name)).toEqual(["Les Rapides", "Équipe 2"]);
    expect(fromExport.source.predictions).toEqual({ t1: "culture", t2: null });

    // The live room as the facilitator's browser holds it: its view and the debrief's data.
    const live = roomInsights(h.state.game);
    const view = viewFromGame(h.state.game, { phase: "debrief" });
    view.code = "TESTAB";
    view.revealed = true;
    view.teams.t1!.name = "Les Rapides";
    view.teams.t1!.prediction = "culture";
    view.teams.t2!.bot = "balanced";
    const fromRoom = sourceFromRoom({
      language: "fr",
      view,
      role: "facilitator",
      game: {
        scenario: h.state.game.scenario,
        seed: h.state.game.seed,
        teamIds: h.state.game.teamIds,
        log: h.state.game.log,
      },
      credit: live,
      printedAt: PRINTED,
    });
    for (const scope of [{ kind: "room" as const }, { kind: "team" as const, teamId: "t1" }]) {
      const a = build(fromExport.source, scope);
      const b = build(fromRoom, scope);
      const plain = (d: PrintDoc) =>
        JSON.parse(
          JSON.stringify({ ...d, charts: d.charts.map((c) => ({ ...c, format: c.format(1) })) }),
        ) as unknown;
      expect(plain(a)).toEqual(plain(b));
      expect(a.verdict?.[0]).toMatchObject({ name: "Les Rapides", match: expect.any(Boolean) });
    }
  });

  it("gives a participant before the reveal neither the attribution nor others' answers", () => {
    const view = viewFromGame(game, { phase: "debrief" });
    view.teams.t1!.private = {
      draft: { ...game.history.t1![0]!.allocation },
      draftBy: "",
      draftRev: 0,
      submitted: false,
      decision: { ...game.history.t1![0]!.allocation },
      prediction: "culture",
      reasons: [],
    };
    const input = { language: "fr" as const, view, game: data, credit: insights, printedAt: 0 };
    const participant = sourceFromRoom({ ...input, role: "participant" });
    expect(participant.credit).toBeNull();
    expect(participant.predictions).toEqual({ t1: "culture", t2: null, t3: null });
    expect(sourceFromRoom({ ...input, role: "facilitator" }).credit).toBe(insights);
    view.revealed = true;
    expect(sourceFromRoom({ ...input, role: "participant" }).credit).toBe(insights);
  });

  it("refuses a file that is not an Élan export, saying why", () => {
    const cases: [unknown, string][] = [
      [null, "format"],
      [[], "format"],
      [{ format: "something-else", version: 1 }, "format"],
      [{ format: "elan-workshop-export", version: 2 }, "version"],
      [{ format: "elan-workshop-export", version: 1 }, "game"],
      [{ format: "elan-workshop-export", version: 1, game: { ...data, teamIds: [1, 2] } }, "game"],
      [{ format: "elan-workshop-export", version: 1, game: { ...data, seed: 7 } }, "game"],
      [{ format: "elan-workshop-export", version: 1, game: { ...data, log: {} } }, "game"],
    ];
    for (const [json, reason] of cases) {
      expect(sourceFromExport(json, "fr", 0)).toEqual({ ok: false, reason });
    }
  });

  it("refuses a game whose log does not replay", () => {
    const over = {
      ...data,
      log: [{ decisions: { t1: { ...game.log[0]!.decisions.t1!, culture: 99 } }, injected: [] }],
    };
    const result = buildPrintDoc(source({ game: over as DebriefData }), { kind: "room" });
    expect(result.ok).toBe(false);
    const junk = buildPrintDoc(
      source({ game: { ...data, log: [null] } as unknown as DebriefData }),
      { kind: "room" },
    );
    expect(junk.ok).toBe(false);
    const empty = buildPrintDoc(source({ game: { ...data, log: [] } }), { kind: "room" });
    expect(empty).toEqual({ ok: false, reason: "no quarter played" });
  });

  it("names the scenario by its id when a file's scenario has no title", () => {
    const { title: _dropped, ...untitled } = data.scenario;
    const doc = build(source({ game: { ...data, scenario: untitled as never } }), { kind: "room" });
    expect(doc.subheading.startsWith(`${data.scenario.id} · 6 trimestres`)).toBe(true);
  });

  it("makes file names of team names", () => {
    expect(fileSlug("Équipe d'Ana / 2")).toBe("equipe-d-ana-2");
    expect(fileSlug("  ")).toBe("team");
    expect(fileSlug("日本")).toBe("team");
  });
});
