import { describe, expect, it } from "vitest";
import { roomInsights } from "../../shared/analysis/insights";
import { BUCKET_IDS, allocationTotal } from "../../shared/model/levers";
import { debriefTables, type ChartTextInput } from "../../client/src/viewmodels/chartText";
import { series, teamLuckBand } from "../../client/src/viewmodels/debrief";
import { formatMetric } from "../../client/src/viewmodels/metrics";
import { playedGame } from "./fixtures";

const game = playedGame(4);
const names: Record<string, string> = { t1: "Équipe A", t2: "Équipe B" };
const input = (patch: Partial<ChartTextInput>): ChartTextInput => ({
  language: "fr",
  tab: "trajectories",
  game,
  metric: "engagement",
  team: "t1",
  teamName: (id) => names[id] ?? id,
  band: null,
  branch: null,
  insights: null,
  period: "game",
  ...patch,
});

describe("the debrief's charts as tables", () => {
  it("says every team's trajectory, quarter by quarter, as the chart plots it", () => {
    const [table, ...rest] = debriefTables(input({}));
    expect(rest).toEqual([]);
    expect(table?.caption).toBe("Engagement, trimestre par trimestre");
    expect(table?.head).toEqual(["Trimestre", "Équipe A", "Équipe B"]);
    expect(table?.rows).toHaveLength(4);
    const t2 = series(game, "t2", "engagement");
    expect(table?.rows[3]).toEqual([
      "T4",
      formatMetric("fr", "engagement", series(game, "t1", "engagement")[3] ?? NaN),
      formatMetric("fr", "engagement", t2[3] ?? NaN),
    ]);
  });

  it("gives the luck band's percentiles beside the real run, in English too", () => {
    const band = teamLuckBand(game, "t2");
    const [table] = debriefTables(
      input({ language: "en", tab: "luck", team: "t2", band, metric: "trust" }),
    );
    expect(table?.head).toEqual([
      "Quarter",
      "5th percentile",
      "25th percentile",
      "Median",
      "75th percentile",
      "95th percentile",
      "Real",
    ]);
    expect(table?.rows.map((r) => r[6])).toEqual(
      series(game, "t2", "trust").map((v) => formatMetric("en", "trust", v)),
    );
    // No band computed yet: no table rather than an empty one.
    expect(debriefTables(input({ tab: "luck" }))).toEqual([]);
  });

  it("lists each team's tokens per lever and quarter", () => {
    const tables = debriefTables(input({ tab: "levers" }));
    expect(tables.map((t) => t.caption)).toEqual(["Équipe A", "Équipe B"]);
    expect(tables[0]?.head).toHaveLength(1 + BUCKET_IDS.length);
    tables.forEach((table, i) => {
      const id = game.teamIds[i] ?? "";
      table.rows.forEach((row, q) => {
        const spent = row.slice(1).reduce((n, c) => n + Number(c), 0);
        expect(spent).toBe(allocationTotal(game.history[id]?.[q]?.allocation ?? emptyLike()));
      });
    });
  });

  it("reads the waterfall bar by bar, the quarterly credit column by column, and the loops", () => {
    const insights = roomInsights(game).find((x) => x.teamId === "t1") ?? null;
    const [credit] = debriefTables(input({ tab: "credit", insights }));
    expect(credit?.rows).toHaveLength(BUCKET_IDS.length + 2);
    expect(credit?.rows[0]?.[0]).toBe("Sans rien jouer");
    expect(credit?.head).toEqual(["Levier", "Score long terme"]);
    const [quarterly] = debriefTables(
      input({ tab: "credit", insights, period: "quarters:engagement" }),
    );
    expect(quarterly?.rows).toHaveLength(4);
    expect(quarterly?.head).toHaveLength(3 + BUCKET_IDS.length);
    const loops = debriefTables(input({ tab: "loops", insights }));
    expect(loops.length).toBe(1);
    expect(loops[0]?.rows.length).toBeGreaterThan(0);
    // Before the attribution is shown, nothing is said about it.
    expect(debriefTables(input({ tab: "credit" }))).toEqual([]);
  });
});

function emptyLike() {
  return Object.fromEntries(BUCKET_IDS.map((id) => [id, 0])) as Record<
    (typeof BUCKET_IDS)[number],
    number
  >;
}
