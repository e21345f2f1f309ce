/**
 * Loop dominance: which feedback loop drove a team's engagement in each year, read from the run's
 * own explanation records (the contributions that sum exactly to each quarter's change), so the
 * debrief's causal-loop diagram can draw edge widths from what really happened.
 */
import type { CauseId, GameState } from "../model/types";

/**
 * - culture: training → culture → coaching (culture opens the door, coaches make lurkers act);
 * - experts: experts → pull (recruited experts answer and attract, engaged members bring others);
 * - champions: champions → activation (active members kept or lost);
 * - buzz: buzz → trust damage (campaigns pull members but backfire and wear trust down).
 */
export const LOOP_IDS = ["culture", "experts", "champions", "buzz"] as const;
export type LoopId = (typeof LOOP_IDS)[number];

/**
 * Every cause of the model, mapped to its loop, or `null`: not a loop (a baseline flow, an
 * exogenous event, a clamp), counted as "other". The type makes this table complete: a new
 * `CauseId` does not compile until it is placed here. Model 2 adds causes (élan/champions,
 * wounds, organic buzz): place each one deliberately.
 */
export const CAUSE_LOOPS = {
  // Baseline inflow and activation that no choice feeds back into.
  organic: null,
  // Members pulled in by the buzz carry-over.
  buzzPull: "buzz",
  // Members recruited, lurkers answered by experts, experts gained.
  recruitment: "experts",
  // Engaged members (experts included) bringing new ones: the pull side of the experts loop.
  wordOfMouth: "experts",
  // Members leaving, faster when trust is low: a balancing outflow, not one of the four loops.
  churn: null,
  culture: "culture",
  // Governance acts on activity only through culture (C·G): part of the culture loop.
  governance: "culture",
  coaching: "culture",
  // Reciprocity builds trust; it is not one of the four loops.
  strategy: null,
  // Active members lapsing, held by coaching and strategy: the champions' side.
  lapse: "champions",
  expertAttrition: "experts",
  backfire: "buzz",
  campaignErosion: "buzz",
  campaigns: "buzz",
  virality: "buzz",
  // Reach the community earns by itself: the buzz that comes from health, not from spending.
  organicReach: "buzz",
  // Champions' élan multiplying activation: the champions loop itself.
  elan: "champions",
  // Experts' answers bringing members, and stars moving between rivals' communities.
  expertPull: "experts",
  rivalExperts: "experts",
  // Trust wearing out untended: a slow drain, not one of the four loops (trust only).
  neglect: null,
  // The clamp to [0, 1].
  bounds: null,
  // Scenario and facilitator events are shocks from outside, not feedback. A bad buzz is not the
  // team's campaigns backfiring (that is `backfire`), so it stays out of the buzz loop.
  "event:badBuzz": null,
  "event:newCfo": null,
  "event:platformChange": null,
  "event:expertLeaves": null,
  "event:newSponsor": null,
} as const satisfies Record<CauseId, LoopId | null>;

/** The loop of a cause; `null` for "other", including causes this table does not know. */
export function loopOf(cause: string): LoopId | null {
  // hasOwn: a name such as "constructor" must not find the prototype's.
  if (!Object.hasOwn(CAUSE_LOOPS, cause)) return null;
  return (CAUSE_LOOPS as Readonly<Record<string, LoopId | null>>)[cause] ?? null;
}

export interface LoopYear {
  /** 1-based year. */
  year: number;
  /** Signed contribution of each loop to engagement's change over the year. */
  loops: Record<LoopId, number>;
  /** The rest of the change (causes that are not a loop): loops + other = the year's change. */
  other: number;
}

function emptyLoops(): Record<LoopId, number> {
  return { culture: 0, experts: 0, champions: 0, buzz: 0 };
}

/** One entry per year the team played (a year in progress included); none for an unknown team. */
export function loopDominance(game: GameState, teamId: string): LoopYear[] {
  const years: LoopYear[] = [];
  for (const record of game.history[teamId] ?? []) {
    const year = Math.ceil(record.turn / 4);
    let entry = years[year - 1];
    if (!entry) {
      entry = { year, loops: emptyLoops(), other: 0 };
      years[year - 1] = entry;
    }
    for (const part of record.explain.engagement.parts) {
      const loop = loopOf(part.cause);
      if (loop) entry.loops[loop] += part.value;
      else entry.other += part.value;
    }
  }
  return years;
}
