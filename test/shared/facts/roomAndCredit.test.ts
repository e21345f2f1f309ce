/**
 * Model 2's room and credit (docs/model.md, facts 15, 17 and 18): rivals change a team's game,
 * the attribution credits culture for the expert's play (the essay's central claim), and a
 * healthy community reaches people without buying campaigns.
 */
import { describe, expect, it } from "vitest";
import { attributeTeam } from "../../../shared/analysis/attribution";
import { simulateRoom } from "../../../shared/analysis/simulateRoom";
import { botDecide, playBotGame } from "../../../shared/bots/play";
import type { StrategyId } from "../../../shared/bots/strategies";
import { BUCKET_IDS } from "../../../shared/model/levers";
import { getScenario } from "../../../shared/scenarios/index";
import {
  BALANCED,
  SEEDS,
  allAllocations,
  constant,
  mean,
  randomAllocation,
  report,
  runBot,
  runTeam,
  share,
} from "../../helpers/montecarlo";
import { openStream, streamKey } from "../../../shared/model/rng";

describe("fact 15: teams affect each other", () => {
  it("moves a fixed team's mean score by ≥ 3 % between buzz rivals and expert rivals", () => {
    const scenario = getScenario("default")!;
    const teamIds = ["t1", "t2", "t3", "t4"];
    const withRivals = (rival: StrategyId) =>
      mean(
        SEEDS.map((seed) => {
          const strategies = { t1: "expert", t2: rival, t3: rival, t4: rival } as const;
          const decide = botDecide({ seed, scenario }, strategies);
          return simulateRoom({ scenario, seed, teamIds, decide }).scores.t1!;
        }),
      );
    const vsBuzz = withRivals("buzz");
    const vsExpert = withRivals("expert");
    report("fact 15", { vsBuzz, vsExpert, change: vsBuzz / vsExpert - 1 });
    expect(Math.abs(vsBuzz - vsExpert) / Math.min(vsBuzz, vsExpert)).toBeGreaterThanOrEqual(0.03);
  });
});

describe("fact 17: culture comes first, in the credit too", () => {
  it("ranks culture among the expert's two largest attributed levers in ≥ 80 % of seeds", () => {
    const scenario = getScenario("default")!;
    const ranks = SEEDS.map((seed) => {
      const game = playBotGame(scenario, seed, { team: "expert" });
      const { total } = attributeTeam(game, "team");
      const order = [...BUCKET_IDS].sort((x, y) => total[y] - total[x]);
      return order.indexOf("culture") + 1;
    });
    report("fact 17", {
      cultureFirst: share(ranks, (r) => r === 1),
      cultureTopTwo: share(ranks, (r) => r <= 2),
      meanRank: mean(ranks),
    });
    expect(share(ranks, (r) => r <= 2)).toBeGreaterThanOrEqual(0.8);
  });
});

describe("fact 18: a healthy community earns its own reach", () => {
  it("gives top-quartile engagement and trust teams ≥ 30 % of an average campaign's reach, unpaid", () => {
    // Teams that buy no campaigns: the expert, a balanced play, and campaign-free random splits
    // (two per seed). Their reach is all organic. Samples: each team-quarter of years 3 and 4.
    const all = allAllocations(10).filter((a) => a.campaigns === 0);
    const unpaid: { e: number; t: number; reach: number }[] = [];
    const note = (run: ReturnType<typeof runTeam>) =>
      run.outputs.slice(8).forEach((o) => {
        unpaid.push({ e: o.engagement, t: o.trust, reach: o.reach });
      });
    SEEDS.forEach((seed) => {
      note(runBot("expert", seed));
      note(runTeam(seed, constant(BALANCED)));
      const draws = openStream(streamKey(seed, "bot", "fact18"));
      for (let k = 0; k < 2; k++) note(runTeam(seed, constant(randomAllocation(draws, all))));
    });
    const quartile = (values: number[]) =>
      [...values].sort((x, y) => x - y)[Math.floor(values.length * 0.75)]!;
    const [e75, t75] = [quartile(unpaid.map((s) => s.e)), quartile(unpaid.map((s) => s.t))];
    const healthy = unpaid.filter((s) => s.e >= e75 && s.t >= t75);

    // What a campaign buys: reach per campaign run, over random splits that run some.
    const paid = allAllocations(10).filter((a) => a.campaigns > 0);
    const perCampaign: number[] = [];
    SEEDS.forEach((seed) => {
      const draws = openStream(streamKey(seed, "bot", "fact18:paid"));
      for (let k = 0; k < 2; k++) {
        const allocation = randomAllocation(draws, paid);
        const run = runTeam(seed, constant(allocation));
        run.states.slice(8).forEach((s) => {
          // Slots that ran: the team's campaigns plus what pressure forced in.
          const ran = Math.min(10, Math.round(allocation.campaigns + s.lastForced));
          if (ran > 0) perCampaign.push((s.lastOrdinary + s.lastViral) / ran);
        });
      }
    });
    const organic = mean(healthy.map((s) => s.reach));
    const campaign = mean(perCampaign);
    report("fact 18", {
      healthySamples: healthy.length,
      organicReach: organic,
      reachPerCampaign: campaign,
      ratio: organic / campaign,
    });
    expect(healthy.length).toBeGreaterThan(100);
    expect(organic).toBeGreaterThanOrEqual(0.3 * campaign);
  });
});
