/**
 * The projector's text alternative says what its canvas draws, from the same view-models: the
 * live room (lobby, results, the debrief's verdict) and each debrief screen the facilitator picks.
 */
import { describe, expect, it } from "vitest";
import { roomInsights } from "../../shared/analysis/insights";
import { DEBRIEF_SCREENS } from "../../shared/protocol/screens";
import { getScenario } from "../../shared/index";
import { bandSeries, roomLuckBands, series } from "../../client/src/viewmodels/debrief";
import { gaugeModels, startPoint } from "../../client/src/viewmodels/gauges";
import { leaderboard } from "../../client/src/viewmodels/leaderboard";
import { formatMetric } from "../../client/src/viewmodels/metrics";
import {
  projectorLiveText,
  projectorShowText,
  type SaidBlock,
  type ShowTextInput,
} from "../../client/src/viewmodels/projectorText";
import { waterfall } from "../../client/src/viewmodels/credit";
import { reasonsModel } from "../../client/src/viewmodels/reasons";
import { playedGame, turnReasons, viewFromGame } from "./fixtures";

const game = playedGame(4);
const start = startPoint(getScenario("default"));
/** What the projector is given when it asks for the revealed quarter's reasons. */
const reasons = {
  turn: 4,
  teams: Object.fromEntries(game.teamIds.map((id) => [id, turnReasons(game.history[id]?.at(-1))])),
};
const tables = (blocks: SaidBlock[]) =>
  blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
const said = (blocks: SaidBlock[]) =>
  blocks
    .map((b) => (b.kind === "table" ? [b.table.caption, ...b.table.rows.flat()] : [b.text]))
    .flat();

describe("the projector's live room as text", () => {
  it("says the join code, the address and who plays where in the lobby", () => {
    const view = { ...viewFromGame(game, { phase: "lobby" }), turn: 0 };
    const blocks = projectorLiveText({
      language: "fr",
      view,
      host: "10.0.0.2:2567",
      start,
      insights: null,
      reasons: null,
    });
    expect(said(blocks)).toEqual(
      expect.arrayContaining(["ABC234", "Scannez ou allez sur 10.0.0.2:2567", "Équipe 1"]),
    );
  });

  it("says each team's gauges, the ranking and the decisions revealed after a quarter", () => {
    const view = viewFromGame(game, { phase: "results" });
    const blocks = projectorLiveText({
      language: "fr",
      view,
      host: "h",
      start,
      insights: null,
      reasons,
    });
    const ranking = tables(blocks).find((t) => t.caption === "Classement")!;
    const rows = leaderboard("fr", Object.values(view.teams), null);
    expect(ranking.rows.map((r) => [r[0], r[3]])).toEqual(
      rows.map((r) => [r.name, r.scoreDisplay]),
    );
    for (const team of Object.values(view.teams)) {
      const gauges = tables(blocks).find((t) => t.caption === `Jauges de ${team.name}`)!;
      const models = gaugeModels("fr", team.history, start);
      expect(gauges.rows.map((r) => r[1])).toEqual(models.map((g) => g.display));
      expect(gauges.head).toContain("Raison principale");
      const why = reasonsModel("fr", reasons.teams[team.id]!, 1);
      expect(gauges.rows.map((r) => r[3])).toEqual(
        why.map((g) => (g.lines[0] ? `${g.lines[0].display} ${g.lines[0].label}` : "")),
      );
    }
    const decisions = tables(blocks).find((t) => t.caption.startsWith("Les décisions révélées"))!;
    const t1 = game.history.t1![3]!.allocation;
    expect(decisions.rows[0]!.slice(1, 8)).toEqual(Object.values(t1).map(String));
  });

  it("says the verdict and each team's credit once the debrief is revealed", () => {
    const insights = roomInsights(game);
    const view = { ...viewFromGame(game, { phase: "debrief" }), revealed: true };
    const blocks = projectorLiveText({
      language: "fr",
      view,
      host: "h",
      start,
      insights,
      reasons: null,
    });
    expect(said(blocks)).toContain("Prédit et attribué");
    const credit = tables(blocks).find(
      (t) => t.caption === "Le score de Équipe 2 crédité aux leviers",
    )!;
    const model = waterfall("fr", insights[1]!.attribution.total, "game");
    expect(credit.rows.map((r) => r[1])).toEqual(model.bars.map((b) => b.display));
  });
});

describe("the debrief screens the facilitator puts up, as text", () => {
  const insights = roomInsights(game);
  const bands = roomLuckBands(game, game.teamIds, 40);
  const asked: string[] = [];
  const input = (patch: Partial<ShowTextInput>): ShowTextInput => ({
    language: "fr",
    view: viewFromGame(game, { phase: "debrief" }),
    screen: "podium",
    team: "",
    game,
    insights,
    band: (id) => {
      asked.push(id);
      return bands[id] ?? null;
    },
    branch: () => null,
    ...patch,
  });

  it("titles every screen as the canvas does, and waits with it", () => {
    for (const screen of DEBRIEF_SCREENS) {
      const [title] = projectorShowText(input({ screen }));
      expect(title?.kind).toBe("heading");
    }
    expect(said(projectorShowText(input({ screen: "luck", game: null })))).toEqual([
      "Part de chance",
      "Calcul en cours…",
    ]);
  });

  it("gives every team's trajectory and one team's luck band with the numbers drawn", () => {
    const trajectories = tables(projectorShowText(input({ screen: "trajectories" })))[0]!;
    expect(trajectories.head.slice(1)).toEqual(["Équipe 1", "Équipe 2"]);
    expect(trajectories.rows[3]![2]).toBe(
      formatMetric("fr", "score", series(game, "t2", "score")[3]!),
    );
    asked.length = 0;
    const luck = projectorShowText(input({ screen: "luck", team: "t2" }));
    expect(luck[0]).toEqual({ kind: "heading", text: "Part de chance · Équipe 2" });
    const b = bandSeries(bands.t2!, "score");
    expect(tables(luck)[0]!.rows[3]!.slice(1)).toEqual(
      [b.p5[3], b.p25[3], b.p50[3], b.p75[3], b.p95[3], series(game, "t2", "score")[3]].map((v) =>
        formatMetric("fr", "score", v!),
      ),
    );
    expect(asked).toEqual(["t2"]);
    // Every team: a table each.
    expect(tables(projectorShowText(input({ screen: "luck" })))).toHaveLength(2);
  });

  it("gives one team's levers or credit alone, and every team's best change", () => {
    const levers = tables(projectorShowText(input({ screen: "levers", team: "t1" })));
    expect(levers.map((t) => t.caption)).toEqual(["Équipe 1"]);
    const credit = tables(projectorShowText(input({ screen: "attribution" })));
    expect(credit.map((t) => t.caption)).toEqual([
      "Le score de Équipe 1 crédité aux leviers",
      "Le score de Équipe 2 crédité aux leviers",
    ]);
    const whatif = said(projectorShowText(input({ screen: "whatif" })));
    expect(whatif.filter((l) => l.startsWith("Équipe"))).toHaveLength(2);
    const podium = said(projectorShowText(input({ screen: "podium" })));
    expect(podium.some((l) => /^1\. Équipe \d : /.test(l))).toBe(true);
  });
});
