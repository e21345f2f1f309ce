/**
 * What the facilitator is told when the game starts with teams nobody joined: the server lets a
 * bot play them (`Ack.botTeams` of `game.start`), and the room should know why those teams play.
 */
import type { Language } from "../../../shared/protocol/messages";
import { listOf, translatePlural } from "../i18n/index";
import type { ClientView } from "../net/normalize";

export function botTeamsNotice(
  language: Language,
  teamIds: readonly string[],
  view: ClientView | null,
): string | null {
  if (teamIds.length === 0) return null;
  const names = teamIds.map((id) => view?.teams[id]?.name ?? id);
  return translatePlural(language, "fac.botTeams", names.length, {
    teams: listOf(language, names),
  });
}
