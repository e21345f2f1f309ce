import { describe, expect, it } from "vitest";
import {
  BUCKET_IDS,
  EVENT_IDS,
  PHASES,
  PROTOCOL_ERROR_CODES,
  STRATEGY_IDS,
  getScenario,
  playBotGame,
} from "../../shared/index";
import { fr } from "../../client/src/i18n/fr";
import { en } from "../../client/src/i18n/en";
import {
  format,
  hasKey,
  preferredLanguage,
  translate,
  translatePlural,
  MESSAGES,
} from "../../client/src/i18n/index";
import { botTeamsNotice } from "../../client/src/viewmodels/botTeams";
import { playedGame, viewFromGame } from "./fixtures";
import { DEBRIEF_METRICS } from "../../client/src/viewmodels/debrief";
import { GAUGE_IDS } from "../../client/src/viewmodels/gauges";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  it("has every key in both languages, never empty, with the same placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(fr[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
    }
  });

  it("covers every id the screens build keys from", () => {
    const needed = [
      ...BUCKET_IDS.flatMap((id) => [`lever.${id}.name`, `lever.${id}.short`, `lever.${id}.desc`]),
      ...PROTOCOL_ERROR_CODES.map((code) => `error.${code}`),
      ...STRATEGY_IDS.map((id) => `strategy.${id}`),
      ...PHASES.map((p) => `phase.${p}`),
      ...["submitted", "draft", "default", "bot"].map((s) => `source.${s}`),
      ...DEBRIEF_METRICS.map((m) => `gauge.${m}`),
      ...GAUGE_IDS.map((g) => `gauge.${g}.hint`),
    ];
    for (const key of needed) expect(hasKey(key), key).toBe(true);
  });

  it("names every cause the model explains with (all strategies, all scenarios)", () => {
    const causes = new Set<string>();
    for (const id of ["default", "new-cfo", "platform-migration", "bad-buzz"]) {
      for (const strategy of STRATEGY_IDS) {
        const game = playBotGame(getScenario(id)!, `causes-${id}`, { t: strategy });
        for (const record of game.history.t ?? []) {
          for (const gauge of GAUGE_IDS) {
            for (const part of record.explain[gauge].parts) causes.add(part.cause);
          }
        }
      }
    }
    expect(causes.size).toBeGreaterThan(8);
    for (const cause of causes) {
      if (cause.startsWith("event:")) expect(EVENT_IDS).toContain(cause.slice(6));
      else expect(hasKey(`cause.${cause}`), cause).toBe(true);
    }
  });

  it("prefers French unless the browser puts English first", () => {
    expect(preferredLanguage([])).toBe("fr");
    expect(preferredLanguage(["de-DE", "fr-CA", "en"])).toBe("fr");
    expect(preferredLanguage(["en-GB", "fr"])).toBe("en");
    expect(preferredLanguage(["es"])).toBe("fr");
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("{a} et {b}", { a: 1 })).toBe("1 et {b}");
    expect(translate("en", "common.quarterOf", { q: 3, total: 16 })).toBe("Quarter 3 of 16");
    expect(translate("fr", "common.quarterOf", { q: 3, total: 16 })).toBe("Trimestre 3 sur 16");
    expect(Object.keys(MESSAGES)).toEqual(["fr", "en"]);
  });

  it("agrees with numbers through the language's plural rules", () => {
    for (const key of Object.keys(fr)) {
      // Every plural message has its fallback form.
      const base = /^(.*)\.(one|two|few|many)$/.exec(key)?.[1];
      if (base) expect(hasKey(`${base}.other`), key).toBe(true);
    }
    expect(translatePlural("fr", "board.forced", 0.6, { n: "0,6" }, 1)).toBe(
      "La pression a détourné 0,6 jeton vers le buzz.",
    );
    expect(translatePlural("fr", "board.forced", 2, { n: "2,0" }, 1)).toContain("2,0 jetons");
    expect(translatePlural("en", "board.forced", 1, { n: "1" })).toContain("1 token into");
    expect(translatePlural("en", "board.forced", 1, { n: "1.0" }, 1)).toContain("1.0 tokens");
  });

  it("tells the facilitator which teams a bot plays because nobody joined them", () => {
    const view = viewFromGame(playedGame(0, { t1: "balanced", t2: "balanced", t3: "buzz" }));
    expect(botTeamsNotice("fr", [], view)).toBeNull();
    expect(botTeamsNotice("fr", ["t3"], view)).toBe(
      "Équipe 3 jouée par un robot : personne ne l'a rejointe.",
    );
    expect(botTeamsNotice("fr", ["t2", "t3"], view)).toBe(
      "Équipe 2 et Équipe 3 jouées par des robots : personne ne les a rejointes.",
    );
    expect(botTeamsNotice("en", ["t1", "t2", "t3"], view)).toBe(
      "Équipe 1, Équipe 2, and Équipe 3 are played by bots: nobody joined them.",
    );
    expect(botTeamsNotice("en", ["t9"], null)).toBe("t9 is played by a bot: nobody joined it.");
  });
});
