/**
 * What a team's board shows of its situation beyond the gauges: the wounds events left open
 * (each 1 when it strikes, closing as the team responds) and who is in office for how long.
 * The `expert` bot reads exactly this, so it plays on what a team can see.
 */
import type { TeamState } from "./types";

export interface TeamSituation {
  /** A bad-buzz crisis still open (0 = healed). */
  crisis: number;
  /** A platform migration not yet carried through. */
  migration: number;
  /** The gap a departed star expert left. */
  gap: number;
  /** Quarters the new CFO stays in office (0 = none). */
  cfoQuarters: number;
  /** Quarters left of the sponsor's window for culture (0 = none). */
  sponsorQuarters: number;
}

export const WOUND_IDS = ["crisis", "migration", "gap"] as const;
export type WoundId = (typeof WOUND_IDS)[number];

/** A wound below this is healed as far as the board is concerned. */
export const WOUND_SHOWN = 0.05;

export function situationOf(s: TeamState): TeamSituation {
  return {
    crisis: s.crisis,
    migration: s.migration,
    gap: s.gap,
    cfoQuarters: s.cfoQuarters,
    sponsorQuarters: s.sponsorQuarters,
  };
}

export const NO_SITUATION: TeamSituation = {
  crisis: 0,
  migration: 0,
  gap: 0,
  cfoQuarters: 0,
  sponsorQuarters: 0,
};
