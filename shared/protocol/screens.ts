/**
 * What the projector shows during the debrief, as picked by the facilitator (`debrief.show`).
 * Zod-free so the client can list the choices without pulling the validators into its bundle.
 */

/** In the console's order: the podium first (how the game ended), then why. */
export const DEBRIEF_SCREENS = [
  "podium",
  "trajectories",
  "levers",
  "attribution",
  "luck",
  "whatif",
  "verdict",
] as const;
export type DebriefScreen = (typeof DEBRIEF_SCREENS)[number];

/**
 * Screens about the whole room only: a podium or the predicted-vs-attributed table of one team
 * would say nothing the room-wide one does not, so a team is refused for them.
 */
export const ROOM_ONLY_SCREENS: readonly DebriefScreen[] = ["podium", "verdict"];

export function isDebriefScreen(value: string): value is DebriefScreen {
  return (DEBRIEF_SCREENS as readonly string[]).includes(value);
}
