/**
 * What the debrief credits, for every team of a played room, in one plain bundle: the lever
 * attribution of its score (total, per year, per quarter and gauge), its best single-token
 * changes and the feedback loops that drove its engagement. One composition, used by the
 * browser's debrief (in a worker) and by the JSON export, so both show the same numbers.
 * Plain arrays and records only: it crosses `postMessage` and `JSON.stringify` unchanged.
 */
import { BUCKET_IDS, type BucketId } from "../model/levers";
import type { GameState } from "../model/types";
import {
  attributeRoom,
  bestChanges,
  loopDominance,
  type Attribution,
  type BestChange,
  type LoopYear,
  type TeamAttribution,
} from "./attribution";

/** "Your three best changes". */
export const BEST_CHANGES = 3;

export interface TeamInsights {
  teamId: string;
  attribution: TeamAttribution;
  bestChanges: BestChange[];
  loops: LoopYear[];
}

/** Every team of the room, in `game.teamIds` order. */
export function roomInsights(game: GameState): TeamInsights[] {
  const attribution = attributeRoom(game);
  return game.teamIds.flatMap((teamId) => {
    const credited = attribution[teamId];
    if (!credited) return [];
    return [
      {
        teamId,
        attribution: credited,
        bestChanges: bestChanges(game, teamId, BEST_CHANGES),
        loops: loopDominance(game, teamId),
      },
    ];
  });
}

/**
 * The lever credited most: what a team's answer to "which lever mattered most for us?" is
 * checked against (ties: the first in board order).
 */
export function topLever(attribution: Attribution): BucketId {
  let best: BucketId = BUCKET_IDS[0];
  for (const id of BUCKET_IDS) if (attribution[id] > attribution[best]) best = id;
  return best;
}
