/**
 * The printed debrief's source from the live room: what this reader sees on screen, no more.
 * A participant before the reveal gets neither the attribution nor the other teams' answers
 * (the predict-then-reveal question must stay a question); the facilitator gets everything.
 */
import type { Language } from "../../../shared/protocol/messages";
import type { DebriefData } from "../../../shared/protocol/view";
import type { ClientView } from "../net/normalize";
import { answerOf } from "../viewmodels/credit";
import type { Role } from "../viewmodels/route";
import type { PrintSource, TeamCredit } from "./source";

export interface RoomSourceInput {
  language: Language;
  view: ClientView;
  role: Role;
  game: DebriefData;
  /** What the debrief credits (the worker's result); null when not computed. */
  credit: readonly TeamCredit[] | null;
  printedAt: number;
}

export function sourceFromRoom(i: RoomSourceInput): PrintSource {
  const shown = i.view.revealed || i.role === "facilitator";
  const predictions: PrintSource["predictions"] = {};
  for (const id of i.game.teamIds) {
    const team = i.view.teams[id];
    predictions[id] = (team && answerOf(team)) || null;
  }
  return {
    language: i.language,
    code: i.view.code,
    solo: i.view.kind === "solo",
    game: i.game,
    teams: i.game.teamIds.map((id) => {
      const team = i.view.teams[id];
      return { id, name: team?.name ?? id, bot: Boolean(team?.bot) };
    }),
    predictions,
    revealed: i.view.revealed,
    credit: shown ? i.credit : null,
    printedAt: i.printedAt,
  };
}
