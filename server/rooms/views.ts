/**
 * The one per-viewer filter for hidden information. A team's `private` part reaches a
 * connection only through a StateView holding that team: its members share one view per team,
 * facilitators share one view holding every team, projectors and teamless connections have
 * none (public state only). Sharing matters at scale: Colyseus encodes each patch once per
 * distinct view, so a room costs ~teams + 1 encodes per tick instead of one per connection.
 */
import { ClientState } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import type { SessionState } from "../session/types";
import type { ElanClient, Seat } from "./deps";
import type { RoomState } from "./schema";

/** The view key of a connection that sees every team's hidden part (the facilitator). */
export const ALL_TEAMS = "*";

/** Which view a seat should see through: "*" (every team), a team id, or "" (none). */
export function viewKeyOf(seat: Seat, session: SessionState): string {
  if (seat.role === "facilitator") return ALL_TEAMS;
  if (seat.role === "player") return session.players.get(seat.playerId)?.teamId ?? "";
  return "";
}

export class SharedViews {
  private readonly views = new Map<string, StateView>();

  constructor(private readonly state: RoomState) {}

  private teamsOf(key: string) {
    const teams = key === ALL_TEAMS ? [...this.state.teams.values()] : [this.state.teams.get(key)];
    return teams.filter((t) => t !== undefined);
  }

  /**
   * Points the connection at the view for `key`. A connection that already has its full state
   * (a move between teams) needs the new team's hidden part: re-adding the teams re-queues
   * their snapshot on the shared view. A joining connection gets it in its full state anyway.
   * After a move, the old team's hidden part stays frozen at what the player last saw there.
   */
  assign(client: ElanClient, key: string): void {
    const seat = client.userData;
    if (!seat || seat.viewKey === key) return;
    seat.viewKey = key;
    if (key === "") {
      client.view = undefined;
      return;
    }
    let view = this.views.get(key);
    const bootstrap = !view || client.state === ClientState.JOINED;
    if (!view) {
      view = new StateView();
      this.views.set(key, view);
    }
    if (bootstrap) for (const team of this.teamsOf(key)) view.add(team);
    client.view = view;
  }

  dispose(): void {
    for (const view of this.views.values()) view.dispose();
    this.views.clear();
  }
}
