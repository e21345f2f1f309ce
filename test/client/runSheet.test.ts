/**
 * The run sheet: every shipped scenario has one, its minutes add up to the session's length for
 * every length a workshop can take, its injections name real events inside the game, and its
 * three debrief questions each name a different one of the essay's six causes, in both languages.
 */
import { describe, expect, it } from "vitest";
import { EVENT_IDS } from "../../shared/model/events";
import { LEVER_IDS } from "../../shared/model/levers";
import { SCENARIOS } from "../../shared/scenarios/index";
import { en } from "../../client/src/i18n/en";
import { fr } from "../../client/src/i18n/fr";
import {
  runSheet,
  SCENARIO_GUIDES,
  sessionMinutes,
  shareMinutes,
} from "../../client/src/viewmodels/runSheet";

describe("the run sheet", () => {
  it("exists for every scenario, and only for them", () => {
    expect(Object.keys(SCENARIO_GUIDES).sort()).toEqual(SCENARIOS.map((s) => s.id).sort());
    for (const scenario of SCENARIOS) expect(runSheet(scenario, scenario.years)).not.toBeNull();
    expect(runSheet({ ...SCENARIOS[0]!, id: "homemade" }, 4)).toBeNull();
  });

  it("adds up to the session's length for every length, with room for every quarter", () => {
    for (const scenario of SCENARIOS) {
      for (let years = 1; years <= 10; years++) {
        const sheet = runSheet(scenario, years)!;
        const quarters = sheet.quarters.reduce((n, q) => n + q.minutes, 0);
        expect(sheet.openingMinutes + quarters + sheet.debriefMinutes).toBe(sheet.sessionMinutes);
        expect(sheet.sessionMinutes).toBe(sessionMinutes(years));
        expect(sheet.quarters.map((q) => q.quarter)).toEqual(
          Array.from({ length: years * 4 }, (_, i) => i + 1),
        );
        for (const q of sheet.quarters) expect(q.minutes).toBeGreaterThanOrEqual(3);
        // The first quarter, where the room learns the board, gets the most time.
        expect(sheet.quarters[0]!.minutes).toBe(Math.max(...sheet.quarters.map((q) => q.minutes)));
        expect(sheet.suggestedTimerSeconds).toBeGreaterThanOrEqual(60);
      }
    }
    // A four-year game fits a two-hour session; one year takes an hour.
    expect(sessionMinutes(4)).toBe(120);
    expect(sessionMinutes(1)).toBe(60);
  });

  it("shares whole minutes exactly", () => {
    expect(shareMinutes(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(shareMinutes(80, [2, 1, 1, 1.25])).toEqual([31, 15, 15, 19]);
  });

  it("injects real events in quarters the game has, and shows the scenario's own", () => {
    for (const scenario of SCENARIOS) {
      const sheet = runSheet(scenario, scenario.years)!;
      const injected = sheet.quarters.filter((q) => q.inject);
      expect(injected.length).toBeGreaterThan(0);
      for (const q of injected) expect(EVENT_IDS).toContain(q.inject!.event);
      const scripted = sheet.quarters.flatMap((q) =>
        q.scripted.map((s) => ({ quarter: q.quarter, event: s.event })),
      );
      expect(scripted).toEqual(
        scenario.events.map((e) => ({ quarter: e.quarter, event: e.event })),
      );
      // A shorter game simply has fewer quarters to inject in.
      const oneYear = runSheet(scenario, 1)!;
      for (const q of oneYear.quarters) expect(q.quarter).toBeLessThanOrEqual(4);
    }
    const cfo = runSheet(
      SCENARIOS.find((s) => s.id === "new-cfo")!,
      4,
    )!;
    expect(cfo.quarters[6]!.scripted).toEqual([{ event: "newCfo", probability: 1 }]);
    expect(cfo.quarters[3]!.inject?.event).toBe("newSponsor");
  });

  it("asks three questions on three different causes, written in both languages", () => {
    for (const scenario of SCENARIOS) {
      const { questions } = runSheet(scenario, scenario.years)!;
      expect(questions).toHaveLength(3);
      expect(new Set(questions.map((q) => q.lever)).size).toBe(3);
      for (const q of questions) {
        expect(LEVER_IDS).toContain(q.lever);
        expect(fr[q.text]).toMatch(/\?$/);
        expect(en[q.text]).toMatch(/\?$/);
      }
    }
    for (const lever of LEVER_IDS) {
      expect(fr[`guide.cause.${lever}`]).toBeTruthy();
      expect(en[`guide.cause.${lever}`]).toBeTruthy();
    }
  });
});
