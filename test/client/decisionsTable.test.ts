/**
 * The revealed decisions table: every team's tokens per bucket for a quarter, and a header that
 * fits — the short names when each fits its column with a gap, the lever icons otherwise.
 */
import { describe, expect, it } from "vitest";
import { BUCKET_IDS, type TeamView } from "../../shared/index";
import { decisionsTable, HEADER_GAP } from "../../client/src/viewmodels/decisionsTable";
import { playedGame, viewFromGame } from "./fixtures";

/** About the width of 12 px bold text. */
const measure = (s: string) => s.length * 7.4;
const teams = Object.values(viewFromGame(playedGame(3)).teams) as TeamView[];

describe("the decisions table", () => {
  it("lists every team's tokens for the last revealed quarter", () => {
    const m = decisionsTable("fr", teams, "t2", 1000, measure)!;
    expect(m.quarter).toBe(3);
    expect(m.title).toBe("Les décisions révélées · trimestre 3");
    expect(m.columns.map((c) => c.id)).toEqual([...BUCKET_IDS]);
    expect(m.rows.map((r) => r.teamId)).toEqual(["t1", "t2"]);
    expect(m.rows[1]!.mine).toBe(true);
    for (const [i, row] of m.rows.entries()) {
      const played = teams[i]!.history[2]!.allocation;
      expect(row.tokens).toEqual(played);
      expect(row.total).toBe(BUCKET_IDS.reduce((n, id) => n + played[id], 0));
    }
    expect(decisionsTable("fr", teams, null, 1000, measure, 1)!.rows[0]!.tokens).toEqual(
      teams[0]!.history[0]!.allocation,
    );
  });

  it("uses the short names where they fit, icons on a phone", () => {
    const wide = decisionsTable("fr", teams, null, 1200, measure)!;
    expect(wide.header).toBe("labels");
    for (const c of wide.columns)
      expect(measure(c.label) + HEADER_GAP).toBeLessThanOrEqual(wide.colW);
    const phone = decisionsTable("fr", teams, null, 326, measure)!;
    expect(phone.header).toBe("icons");
    expect(phone.nameW + phone.colW * 7 + phone.totalW).toBeCloseTo(326, 5);
    expect(phone.colW).toBeGreaterThan(24); // room for a 20 px icon and a two-digit count
  });

  it("has no table before the first quarter", () => {
    const none = Object.values(viewFromGame(playedGame(0)).teams) as TeamView[];
    expect(decisionsTable("fr", none, null, 800, measure)).toBeNull();
  });
});
