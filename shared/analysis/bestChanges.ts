/**
 * "Your three best changes": among every single-token move a team could have made — one token
 * from a bucket it funded to any other bucket, in one quarter — the ones that would have raised
 * its final score most, under the same draws with rivals' decisions as played.
 *
 * Each move replays the room from its quarter only: the states before it are the played ones.
 * Later decisions are the played ones, trimmed by `fitToBudget` if the move changed a CFO cut.
 */
import { BUCKET_IDS, type Allocation, type BucketId } from "../model/levers";
import type { GameState } from "../model/types";
import { finalScoreFrom, playedRoom } from "./roomRun";

export interface BestChange {
  /** 1-based quarter of the move. */
  quarter: number;
  from: BucketId;
  to: BucketId;
  /** Final score with the move minus the final score as played (always > 0). */
  gain: number;
  /** Final score with the move. */
  score: number;
}

/** Moving one token from `from` to `to` (the caller checks there is one). */
export function moveToken(allocation: Allocation, from: BucketId, to: BucketId): Allocation {
  const out = { ...allocation };
  out[from] -= 1;
  out[to] += 1;
  return out;
}

/**
 * The `count` moves with the largest positive gains, best first (ties: earlier quarter, then
 * bucket order of `from`, then of `to`). Fewer when fewer moves gain; none for an unknown team.
 */
export function bestChanges(game: GameState, teamId: string, count = 3): BestChange[] {
  const team = game.teamIds.indexOf(teamId);
  if (team < 0 || count <= 0) return [];
  const room = playedRoom(game);
  const asPlayed = room.scores[team] as number;
  const found: BestChange[] = [];
  for (let quarter = 1; quarter <= room.quarters; quarter++) {
    const played = room.played[quarter - 1] as readonly Allocation[];
    const mine = played[team] as Allocation;
    for (const from of BUCKET_IDS) {
      if (mine[from] < 1) continue;
      for (const to of BUCKET_IDS) {
        if (to === from) continue;
        const moved = moveToken(mine, from, to);
        const score = finalScoreFrom(room, quarter, team, (q, t) =>
          q === quarter && t === team
            ? moved
            : ((room.played[q - 1] as Allocation[])[t] as Allocation),
        );
        const gain = score - asPlayed;
        if (gain > 0) found.push({ quarter, from, to, gain, score });
      }
    }
  }
  // A stable sort keeps the enumeration order (quarter, from, to) among equal gains.
  found.sort((x, y) => y.gain - x.gain);
  return found.slice(0, count);
}
