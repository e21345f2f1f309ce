/**
 * Who has decided this quarter and who is away: the console's labelled count, the participant's
 * "who submitted" line, and the names of disconnected players. The `submitted` flag is public
 * (decisions are not), so every participant may see it.
 */
import type { Language } from "../../../shared/protocol/messages";
import { listOf, translate, translatePlural } from "../i18n/index";
import type { ClientView } from "../net/normalize";

export interface WhoSubmitted {
  done: string[];
  waiting: string[];
}

export function whoSubmitted(view: ClientView): WhoSubmitted {
  const teams = Object.values(view.teams);
  return {
    done: teams.filter((t) => t.submitted).map((t) => t.name),
    waiting: teams.filter((t) => !t.submitted).map((t) => t.name),
  };
}

/** "2 / 3 équipes ont validé". */
export function submittedLabel(language: Language, view: ClientView): string {
  const { done, waiting } = whoSubmitted(view);
  const total = done.length + waiting.length;
  return translatePlural(language, "fac.submittedCount", done.length, { n: done.length, total });
}

/** The participant's line once their team has submitted: who the room still waits for. */
export function waitingLine(language: Language, view: ClientView): string {
  const { waiting } = whoSubmitted(view);
  return waiting.length
    ? translate(language, "board.waitingFor", { names: listOf(language, waiting) })
    : translate(language, "board.waitingTeams");
}

/** Players in the room who are not connected (in a team or not), by name; "" when none. */
export function disconnectedLine(language: Language, view: ClientView): string {
  const names = Object.values(view.players)
    .filter((p) => !p.connected)
    .map((p) => p.name);
  if (!names.length) return "";
  return translatePlural(language, "fac.disconnected", names.length, {
    names: listOf(language, names),
  });
}
