/** Which screen to show, from who you are and where the game stands. */
import { SCENES, type SceneKey } from "../constants";
import type { Phase } from "../../../shared/protocol/view";

export type Role = "participant" | "facilitator" | "projector" | "solo";

export interface RouteInput {
  connected: boolean;
  role: Role | null;
  phase: Phase | null;
  /** The participant asked to look at the board again from the debrief. */
  preferBoard?: boolean;
  /** The facilitator opened the debrief from the console. */
  wantsDebrief?: boolean;
}

export function routeFor(input: RouteInput): SceneKey {
  if (!input.connected || !input.role || !input.phase) return SCENES.home;
  const { role, phase } = input;
  const over = phase === "debrief" || phase === "ended";
  switch (role) {
    case "projector":
      return SCENES.projector;
    case "facilitator":
      return over && input.wantsDebrief ? SCENES.debrief : SCENES.facilitator;
    case "solo":
      return over && !input.preferBoard ? SCENES.debrief : SCENES.board;
    case "participant":
      if (phase === "lobby") return SCENES.lobby;
      return over && !input.preferBoard ? SCENES.debrief : SCENES.board;
  }
}
