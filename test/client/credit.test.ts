/**
 * The debrief's "what mattered" view-models: the waterfall from playing nothing to the score,
 * the best changes read against the score, predict-then-reveal as each role sees it, predicted
 * vs attributed, and the loop diagrams' edge widths — on hand-made attributions (readable
 * numbers) and once on a real game's.
 */
import { describe, expect, it } from "vitest";
import type { Attribution, BestChange, LoopYear } from "../../shared/analysis/attribution";
import { roomInsights, topLever, type TeamInsights } from "../../shared/analysis/insights";
import { emptyAllocation, type BucketId } from "../../shared/model/levers";
import type { PlayerView, TeamPrivateView } from "../../shared/protocol/view";
import type { ClientView } from "../../client/src/net/normalize";
import {
  answerCount,
  bestChangeLines,
  creditPanelModel,
  parsePeriod,
  predictModel,
  quarterCredit,
  quarterlyGauge,
  verdictRows,
  waterfall,
} from "../../client/src/viewmodels/credit";
import {
  gameLoopPanel,
  LOOP_MAX_WIDTH,
  LOOP_MIN_WIDTH,
  loopPanels,
} from "../../client/src/viewmodels/loops";
import { playedGame, viewFromGame } from "./fixtures";
import { scoreSplit } from "../../client/src/viewmodels/metrics";

/** In score units (engaged, trusting members per 100, summed), as the model gives them. */
const attribution = (over: Partial<Attribution> = {}): Attribution => ({
  base: 2,
  longTerm: 1,
  culture: 4,
  governance: 0.5,
  support: 1.5,
  recruitment: 0,
  strategy: 1,
  campaigns: -1,
  ...over,
});

function insightsOf(teamId: string, total: Attribution, loops: LoopYear[] = []): TeamInsights {
  const score = Object.values(total).reduce((a, b) => a + b, 0);
  return {
    teamId,
    attribution: {
      teamId,
      score,
      total,
      byYear: [total],
      byQuarter: { engagement: [], trust: [], reach: [] },
    },
    bestChanges: [{ quarter: 6, from: "campaigns", to: "culture", gain: score * 0.03, score }],
    loops,
  };
}

const players: PlayerView[] = [
  { id: "pa", name: "Ana", teamId: "t1", connected: true },
  { id: "pb", name: "Ben", teamId: "t2", connected: true },
];

/** Three teams, people in t1 and t2 (t3 a bot), in the debrief. */
function debriefView(patch: (view: ClientView) => void = () => {}): ClientView {
  const game = playedGame(4, { t1: "balanced", t2: "buzz", t3: "culture-first" });
  const view = viewFromGame(game, { phase: "debrief", players });
  patch(view);
  return view;
}

describe("the attribution waterfall", () => {
  it("goes from playing nothing, lever by lever, to the score", () => {
    const a = attribution();
    const model = waterfall("fr", a, "game");
    expect(model.bars.map((b) => b.key)).toEqual([
      "base",
      "longTerm",
      "culture",
      "governance",
      "support",
      "recruitment",
      "strategy",
      "campaigns",
      "total",
    ]);
    for (let i = 1; i < model.bars.length - 1; i++) {
      expect(model.bars[i]?.from).toBe(model.bars[i - 1]?.to);
    }
    const total = model.bars.at(-1);
    expect(total?.to).toBeCloseTo(9, 12);
    expect(total?.label).toBe("Score final");
    expect(model.bars[0]?.label).toBe("Sans rien jouer");
    expect(model.bars[2]).toMatchObject({ label: "Culture numérique", display: "+4,0" });
    expect(model.bars[7]?.display).toBe("-1,0");
    expect(model.min).toBe(0);
    expect(model.max).toBeCloseTo(10, 12);
  });

  it("splits one year's gain the same way, signed", () => {
    const model = waterfall("en", attribution({ base: -1 }), 2);
    expect(model.bars[0]).toMatchObject({ label: "Gain playing nothing", display: "-1.0" });
    expect(model.bars.at(-1)?.label).toBe("Gain this year");
    expect(model.min).toBeCloseTo(-1, 12);
  });

  it("credits the largest lever, ties to the first in board order", () => {
    expect(topLever(attribution())).toBe("culture");
    expect(topLever(attribution({ longTerm: 4 }))).toBe("longTerm");
  });
});

describe("the best changes", () => {
  it("read each gain against the team's score, in the player's language", () => {
    const change: BestChange = {
      quarter: 6,
      from: "campaigns",
      to: "culture",
      gain: 0.3,
      score: 10.3,
    };
    expect(bestChangeLines("fr", [change], 10)).toEqual([
      "T6 : un jeton de Campagnes buzz vers Culture numérique → +3,0 %",
    ]);
    expect(bestChangeLines("en", [change], 10)).toEqual([
      "Q6: one token from Buzz campaigns to Digital culture → +3.0%",
    ]);
    expect(bestChangeLines("en", [change], 0)[0]).toMatch(/→ \+0\.3$/);
  });
});

describe("predict, then reveal", () => {
  it("asks members during the debrief, lets the facilitator (or the solo learner) reveal", () => {
    const view = debriefView((v) => {
      v.teams.t1!.predicted = true;
      v.teams.t1!.private = privatePart("culture");
    });
    const ana = predictModel(view, "participant", "t1");
    expect(ana).toMatchObject({ canAnswer: true, canReveal: false, answer: "culture" });
    expect(ana.count).toEqual({ answered: 1, total: 2 }); // the bot's team is not asked
    expect(predictModel(view, "facilitator", null)).toMatchObject({
      canAnswer: false,
      canReveal: true,
    });
    expect(predictModel(view, "projector", null)).toMatchObject({
      canAnswer: false,
      canReveal: false,
    });
    expect(predictModel(view, "solo", "t1")).toMatchObject({ canAnswer: true, canReveal: true });
    view.phase = "ended";
    expect(predictModel(view, "participant", "t1").canAnswer).toBe(false);
    expect(predictModel(view, "facilitator", null).canReveal).toBe(true);
    view.revealed = true;
    expect(predictModel(view, "facilitator", null).canReveal).toBe(false);
  });

  it("shows the attribution after the reveal only (the facilitator at any time)", () => {
    const insights = ["t1", "t2", "t3"].map((id) => insightsOf(id, attribution()));
    const view = debriefView();
    const input = {
      language: "fr" as const,
      view,
      ownTeam: "t1",
      insights,
      failed: false,
      team: "t1",
    };
    const before = creditPanelModel({ ...input, role: "participant" });
    expect(before).toMatchObject({ shown: false, computing: false, verdict: [] });
    expect(creditPanelModel({ ...input, role: "facilitator", ownTeam: null }).shown).toBe(true);
    expect(creditPanelModel({ ...input, role: "participant", insights: null }).computing).toBe(
      true,
    );
    view.revealed = true;
    const after = creditPanelModel({ ...input, role: "participant" });
    expect(after.shown).toBe(true);
    expect(after.top).toBe("Levier le plus crédité : Culture numérique");
    expect(after.best[0]).toMatch(
      /^T6 : un jeton de Campagnes buzz vers Culture numérique → \+3,0 %$/,
    );
    expect(after.verdict.map((r) => r.teamId)).toEqual(["t1", "t2"]);
  });

  it("sets each team's answer against the lever credited most", () => {
    const view = debriefView((v) => {
      v.revealed = true;
      v.teams.t1!.prediction = "culture";
      v.teams.t2!.prediction = "campaigns";
    });
    const insights = [
      insightsOf("t1", attribution()),
      insightsOf("t2", attribution()),
      insightsOf("t3", attribution({ support: 0.2 })),
    ];
    const rows = verdictRows("en", view, insights);
    expect(rows).toEqual([
      expect.objectContaining({ teamId: "t1", answerLabel: "Digital culture", match: true }),
      expect.objectContaining({ teamId: "t2", answerLabel: "Buzz campaigns", match: false }),
    ]);
    expect(rows[1]?.topLabel).toBe("Digital culture");
    view.teams.t2!.prediction = "";
    expect(verdictRows("en", view, insights)[1]).toMatchObject({
      answerLabel: "No answer",
      match: null,
    });
    expect(answerCount(view)).toEqual({ answered: 0, total: 2 }); // `predicted` flags unset
  });
});

function privatePart(prediction: BucketId): TeamPrivateView {
  return {
    draft: emptyAllocation(),
    draftBy: "",
    draftRev: 0,
    submitted: false,
    decision: emptyAllocation(),
    prediction,
    reasons: [],
  };
}

describe("the loop diagrams", () => {
  const years: LoopYear[] = [
    { year: 1, loops: { culture: 0.02, experts: 0.005, champions: -0.01, buzz: -0.001 }, other: 0 },
    { year: 2, loops: { culture: 0.01, experts: 0.04, champions: 0, buzz: -0.02 }, other: 0 },
    { year: 3, loops: { culture: 0, experts: 0, champions: 0, buzz: 0 }, other: 0 },
  ];

  it("draw every year on one scale, signed, with its dominant loop", () => {
    const panels = loopPanels("fr", years);
    expect(panels.map((p) => p.dominant)).toEqual(["culture", "experts", null]);
    const y2 = panels[1]!.edges;
    expect(y2.find((e) => e.id === "experts")?.width).toBe(LOOP_MAX_WIDTH);
    expect(panels[0]!.edges.find((e) => e.id === "culture")?.width).toBeCloseTo(
      LOOP_MIN_WIDTH + 0.5 * (LOOP_MAX_WIDTH - LOOP_MIN_WIDTH),
      12,
    );
    expect(panels[0]!.edges.find((e) => e.id === "champions")).toMatchObject({
      positive: false,
      display: "-1,0 %",
      node: "Champions",
    });
    expect(panels[0]!.title).toBe("Année 1");
    expect(panels[0]!.summary).toBe(
      "Boucle dominante : Formation → culture → accompagnement (+2,0 %)",
    );
    expect(panels[2]!.summary).toBe("Aucune boucle n'a fait bouger l'engagement.");
    expect(panels[2]!.edges.every((e) => e.width === LOOP_MIN_WIDTH)).toBe(true);
  });
});

describe("the projector's loop diagram", () => {
  it("adds the years up into one diagram of the whole game", () => {
    const years: LoopYear[] = [
      { year: 1, loops: { culture: 0.01, experts: 0, champions: -0.03, buzz: 0 }, other: 0.01 },
      { year: 2, loops: { culture: 0.03, experts: 0, champions: -0.005, buzz: 0 }, other: 0 },
    ];
    const panel = gameLoopPanel("en", years);
    expect(panel?.title).toBe("Loops, whole game");
    const values = panel?.edges.map((e) => e.value) ?? [];
    [0.04, 0, -0.035, 0].forEach((v, i) => expect(values[i]).toBeCloseTo(v, 12));
    expect(panel?.dominant).toBe("culture");
    expect(gameLoopPanel("en", [])).toBeNull();
  });
});

describe("on a real game", () => {
  it("adds up: the waterfall's last bar is the team's score", () => {
    const game = playedGame(8);
    const insights = roomInsights(game);
    expect(insights.map((i) => i.teamId)).toEqual(game.teamIds);
    for (const team of insights) {
      const bars = waterfall("fr", team.attribution.total, "game").bars;
      expect(bars.at(-1)?.to).toBeCloseTo(team.attribution.score, 9);
      expect(team.bestChanges.length).toBeLessThanOrEqual(3);
      expect(loopPanels("en", team.loops)).toHaveLength(2);
    }
  });
});

describe("a gauge quarter by quarter", () => {
  it("splits each quarter's value into playing nothing and the levers, summing to the gauge", () => {
    const game = playedGame(16, { t1: "culture-first", t2: "buzz" });
    const [culture, buzz] = roomInsights(game);
    for (const gauge of ["engagement", "trust", "reach"] as const) {
      const model = quarterCredit("fr", culture!, gauge);
      expect(model.columns).toHaveLength(16);
      model.columns.forEach((c, i) => {
        const played = game.history.t1![i]!.outputs[gauge];
        expect(c.total).toBeCloseTo(played, 9);
        expect(c.parts.map((x) => x.key)[0]).toBe("base");
        const up = c.parts.filter((x) => x.value > 0).reduce((a, x) => a + x.value, 0);
        const down = c.parts.filter((x) => x.value < 0).reduce((a, x) => a + x.value, 0);
        expect(model.max).toBeGreaterThanOrEqual(up - 1e-12);
        expect(model.min).toBeLessThanOrEqual(down + 1e-12);
      });
    }
    // The culture-first team's engagement is built by culture; the buzz team's reach by buzz.
    expect(quarterCredit("fr", culture!, "engagement").top).toBe("culture");
    expect(quarterCredit("en", buzz!, "reach").top).toBe("campaigns");
    expect(quarterCredit("en", buzz!, "reach").line).toBe(
      "Buzz: the lever that built it most over the game is Buzz campaigns.",
    );
  });

  it("says so when no lever raised the gauge", () => {
    const flat = insightsOf("t1", attribution());
    flat.attribution.byQuarter.trust = [
      attribution({ culture: -1, longTerm: 0, governance: 0, support: 0, strategy: 0 }),
    ];
    const model = quarterCredit("fr", flat, "trust");
    expect(model.top).toBeNull();
    expect(model.line).toBe("Confiance : aucun de vos leviers ne l'a fait monter sur la partie.");
  });

  it("reads the period select back, refusing values it did not offer", () => {
    expect(parsePeriod("game", 4)).toBe("game");
    expect(parsePeriod("3", 4)).toBe(3);
    expect(parsePeriod("quarters:trust", 4)).toBe("quarters:trust");
    for (const bad of ["5", "0", "1.5", "quarters:kpi", "", "constructor"])
      expect(parsePeriod(bad, 4), bad).toBeNull();
    expect(quarterlyGauge("quarters:reach")).toBe("reach");
    expect(quarterlyGauge(2)).toBeNull();
    expect(quarterlyGauge("game")).toBeNull();
  });

  it("puts the quarterly sentence in the panel instead of the score's", () => {
    const game = playedGame(16, { t1: "culture-first", t2: "buzz" });
    const insights = roomInsights(game);
    const view = viewFromGame(game, { phase: "debrief", players });
    view.revealed = true;
    const input = {
      language: "en" as const,
      view,
      role: "participant" as const,
      ownTeam: "t1",
      insights,
      failed: false,
      team: "t1",
    };
    expect(creditPanelModel(input).quarterly).toBeNull();
    expect(creditPanelModel({ ...input, period: "quarters:engagement" }).quarterly).toBe(
      "Engagement: the lever that built it most over the game is Digital culture.",
    );
  });
});

describe("the final score in its parts", () => {
  it("reads as what the game accumulated plus what the team leaves behind", () => {
    const game = playedGame(16);
    const last = game.history.t1!.at(-1)!.outputs;
    expect(last.legacy).toBeGreaterThan(0);
    const line = scoreSplit("en", last)!;
    const numbers = line.match(/-?\d+\.\d/g)!.map(Number);
    expect(numbers).toHaveLength(3);
    expect(numbers[1]! + numbers[2]!).toBeCloseTo(numbers[0]!, 0);
    expect(line).toMatch(/^Final score \d+\.\d = \d+\.\d engaged, trusting members/);
    // Before the last quarter the score is all accumulation: nothing to split.
    expect(scoreSplit("en", game.history.t1![5]!.outputs)).toBeNull();
    expect(scoreSplit("en", undefined)).toBeNull();
  });

  it("is in the debrief's panel for the chosen team", () => {
    const game = playedGame(16);
    const view = viewFromGame(game, { phase: "debrief", players });
    const model = creditPanelModel({
      language: "fr",
      view,
      role: "participant",
      ownTeam: "t1",
      insights: null,
      failed: false,
      team: "t2",
    });
    expect(model.split).toBe(scoreSplit("fr", view.teams.t2!.history.at(-1)));
    expect(model.split).toMatch(/^Score final /);
  });
});
