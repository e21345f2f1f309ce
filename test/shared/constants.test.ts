/**
 * The protocol's values are defined once (shared/protocol/constants.ts): the server's validators
 * accept exactly up to them, so the client's forms built from the same numbers never offer
 * something the server refuses, nor hide something it allows.
 */
import { describe, expect, it } from "vitest";
import {
  clientMessages,
  LANGUAGES,
  MAX_ADJUST,
  MAX_DECISION_SECONDS,
  MAX_EXTEND_SECONDS,
  MAX_SOLO_RIVALS,
  MAX_SOLO_YEARS,
  MAX_TEAMS,
  MAX_YEARS,
  MIN_EXTEND_SECONDS,
  MIN_SOLO_RIVALS,
  MIN_SOLO_YEARS,
  MIN_TEAMS,
  MIN_YEARS,
  PACINGS,
  soloCreateOptions,
  workshopCreateOptions,
} from "../../shared/index";

const accepts = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe("the protocol's values", () => {
  it("bound a workshop's options exactly", () => {
    const ok = (o: object) => accepts(workshopCreateOptions, o);
    expect([ok({ teams: MIN_TEAMS }), ok({ teams: MAX_TEAMS })]).toEqual([true, true]);
    expect([ok({ teams: MIN_TEAMS - 1 }), ok({ teams: MAX_TEAMS + 1 })]).toEqual([false, false]);
    expect([ok({ years: MIN_YEARS }), ok({ years: MAX_YEARS })]).toEqual([true, true]);
    expect([ok({ years: MIN_YEARS - 1 }), ok({ years: MAX_YEARS + 1 })]).toEqual([false, false]);
    expect(ok({ decisionSeconds: MAX_DECISION_SECONDS })).toBe(true);
    expect(ok({ decisionSeconds: MAX_DECISION_SECONDS + 1 })).toBe(false);
    for (const pacing of PACINGS) expect(ok({ pacing })).toBe(true);
    for (const language of LANGUAGES) expect(ok({ language })).toBe(true);
    expect(ok({ language: "de" })).toBe(false);
  });

  it("bound a solo game's options exactly", () => {
    const ok = (o: object) => accepts(soloCreateOptions, o);
    expect([ok({ years: MIN_SOLO_YEARS }), ok({ years: MAX_SOLO_YEARS })]).toEqual([true, true]);
    expect(ok({ years: MAX_SOLO_YEARS + 1 })).toBe(false);
    expect([ok({ rivals: MIN_SOLO_RIVALS }), ok({ rivals: MAX_SOLO_RIVALS })]).toEqual([
      true,
      true,
    ]);
    expect([ok({ rivals: MIN_SOLO_RIVALS - 1 }), ok({ rivals: MAX_SOLO_RIVALS + 1 })]).toEqual([
      false,
      false,
    ]);
  });

  it("bound the messages that carry numbers", () => {
    const extend = (seconds: number) => accepts(clientMessages["timer.extend"], { seconds });
    expect([extend(MIN_EXTEND_SECONDS), extend(MAX_EXTEND_SECONDS)]).toEqual([true, true]);
    expect([extend(MIN_EXTEND_SECONDS - 1), extend(MAX_EXTEND_SECONDS + 1)]).toEqual([
      false,
      false,
    ]);
    const adjust = (delta: number) =>
      accepts(clientMessages["allocation.adjust"], { bucket: "culture", delta });
    expect([adjust(-MAX_ADJUST), adjust(MAX_ADJUST)]).toEqual([true, true]);
    expect([adjust(-MAX_ADJUST - 1), adjust(MAX_ADJUST + 1)]).toEqual([false, false]);
  });
});
