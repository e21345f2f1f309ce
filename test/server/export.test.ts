/**
 * Exports: one CSV row per team per quarter that opens cleanly in a spreadsheet, and a JSON
 * export carrying the log (without seat token hashes) and the state hash.
 */
import { describe, expect, it } from "vitest";
import { csvCell, CSV_COLUMNS, CSV_FRENCH, exportCsv, exportJson } from "../../server/http/export";
import { ATTRIBUTION_KEYS } from "../../shared/analysis/attribution";
import { sessionHash } from "../../server/session/hash";
import { allocation } from "../helpers/clients";
import { FACILITATOR, player, workshopHarness } from "../helpers/session";

function playedWorkshop() {
  const h = workshopHarness({ teams: 2, years: 1 });
  h.join("pa", 'Ana "the, best"');
  h.act(FACILITATOR, { type: "team.rename", teamId: "t2", name: "=HYPERLINK(evil)" });
  h.act(FACILITATOR, { type: "game.start" });
  for (let q = 0; q < 2; q++) {
    h.act(FACILITATOR, { type: "phase.next" });
    h.act(player("pa"), { type: "allocation.submit", allocation: allocation() });
    h.act(FACILITATOR, { type: "phase.next" });
    h.act(FACILITATOR, { type: "phase.next" });
  }
  return h;
}

describe("exports", () => {
  it("writes one CSV row per team and quarter, quoted and defused", () => {
    const h = playedWorkshop();
    const csv = exportCsv(h.state);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(1 + 2 * 2);
    expect(lines[2]).toContain("'=HYPERLINK(evil)");
    expect(lines[1]).toMatch(/^TESTAB,1,1,t1,Équipe 1,submitted,2,2,1,1,1,1,2,/);
    expect(lines[2]).toContain(",bot,"); // nobody joined t2: a stand-in bot played it
  });

  it("quotes cells the RFC 4180 way", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell(0.1234567891)).toBe("0.123457");
    expect(csvCell("plain")).toBe("plain");
  });

  it("writes the French dialect: semicolons, decimal commas, the same quoting", () => {
    expect(csvCell(0.1234567891, CSV_FRENCH)).toBe("0,123457");
    expect(csvCell(-2.5, CSV_FRENCH)).toBe("-2,5");
    expect(csvCell(12, CSV_FRENCH)).toBe("12");
    expect(csvCell("a;b", CSV_FRENCH)).toBe('"a;b"');
    expect(csvCell('say "hi"', CSV_FRENCH)).toBe('"say ""hi"""');
    expect(csvCell("=1+1", CSV_FRENCH)).toBe("'=1+1");
    const lines = exportCsv(playedWorkshop().state, CSV_FRENCH).slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(";"));
    expect(lines[1]).toMatch(/^TESTAB;1;1;t1;Équipe 1;submitted;2;2;1;1;1;1;2;/);
  });

  it("exports JSON with the log (no token hashes) and the state hash", () => {
    const h = playedWorkshop();
    const data = exportJson(h.state, h.log);
    expect(data.rows).toHaveLength(4);
    expect(data.stateHash).toBe(sessionHash(h.state));
    expect(data.log).toHaveLength(h.log.length);
    expect(JSON.stringify(data.log)).not.toContain('"tokenHash":"h"');
    expect(data.players[0]?.name).toBe('Ana "the, best"');
  });

  it("exports the debrief: answers, attribution (total, by year), best changes and loops", () => {
    const h = playedWorkshop();
    const midGame = exportJson(h.state, h.log).debrief;
    expect(midGame.revealed).toBe(false);
    expect(midGame.teams.map((t) => t.attribution)).toEqual([null, null]); // not over yet
    for (let q = 2; q < 4; q++) {
      h.act(FACILITATOR, { type: "phase.next" });
      h.act(player("pa"), { type: "allocation.submit", allocation: allocation() });
      h.act(FACILITATOR, { type: "phase.next" });
      h.act(FACILITATOR, { type: "phase.next" });
    }
    expect(h.state.phase).toBe("debrief");
    expect(h.act(player("pa"), { type: "debrief.predict", lever: "culture" })).toBeNull();
    const before = exportJson(h.state, h.log).debrief;
    expect(before.teams[0]?.prediction).toBe("culture"); // the facilitator's export has it
    expect(h.act(FACILITATOR, { type: "debrief.reveal" })).toBeNull();
    const data = JSON.parse(JSON.stringify(exportJson(h.state, h.log))) as ReturnType<
      typeof exportJson
    >;
    expect(data.debrief.revealed).toBe(true);
    const [t1, t2] = data.debrief.teams;
    expect(t1?.teamId).toBe("t1");
    expect(t2?.prediction).toBeNull(); // the bot team was not asked
    for (const team of [t1, t2]) {
      const a = team?.attribution;
      if (!a) throw new Error("no attribution");
      const sum = ATTRIBUTION_KEYS.reduce((acc, key) => acc + a.total[key], 0);
      expect(sum).toBeCloseTo(a.score, 9);
      expect(a.byYear).toHaveLength(1);
      expect(team?.loops).toHaveLength(1);
      expect(team?.bestChanges.length).toBeLessThanOrEqual(3);
      expect(team?.match).toBe(team?.prediction ? team.prediction === team.topLever : null);
    }
  });
});
