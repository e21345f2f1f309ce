/**
 * The quarter's cards, in the player's language: the events that strike, then what earlier ones
 * left open (a crisis, a migration, an expert's gap, how far each still is from healed) and who
 * is in office for how long; a calm card only when there is nothing to read at all.
 */
import { EVENT_CARDS, isEventId } from "../../../shared/model/events";
import { WOUND_IDS, WOUND_SHOWN, type TeamSituation } from "../../../shared/model/situation";
import type { Language } from "../../../shared/protocol/messages";
import { translate, translatePlural } from "../i18n/index";
import { percent } from "./format";

export interface EventCardModel {
  id: string;
  title: string;
  text: string;
  calm: boolean;
}

/** The team's open wounds and offices as cards (none for a team with nothing open). */
export function situationCards(
  language: Language,
  situation: TeamSituation | undefined,
): EventCardModel[] {
  if (!situation) return [];
  const cards: EventCardModel[] = [];
  for (const id of WOUND_IDS) {
    const open = situation[id];
    if (open < WOUND_SHOWN) continue;
    cards.push({
      id: `situation.${id}`,
      title: translate(language, `situation.${id}`, { p: percent(language, open, 0) }),
      text: translate(language, `situation.${id}Text`),
      calm: false,
    });
  }
  for (const [office, quarters] of [
    ["cfo", situation.cfoQuarters],
    ["sponsor", situation.sponsorQuarters],
  ] as const) {
    if (quarters <= 0) continue;
    cards.push({
      id: `situation.${office}`,
      title: translatePlural(language, `situation.${office}`, quarters, { n: quarters }),
      text: translate(language, `situation.${office}Text`),
      calm: false,
    });
  }
  return cards;
}

export function eventCards(
  language: Language,
  events: readonly string[],
  situation?: TeamSituation,
): EventCardModel[] {
  const struck = [...new Set(events)].filter(isEventId);
  const cards: EventCardModel[] = struck.map((id) => ({
    id,
    title: EVENT_CARDS[id].title[language],
    text: EVENT_CARDS[id].text[language],
    calm: false,
  }));
  // An event that strikes this quarter is told by its own card; its wound shows from the next.
  const open = situationCards(language, situation).filter((c) => !fresh(c.id, struck));
  cards.push(...open);
  if (cards.length > 0) return cards;
  return [
    {
      id: "calm",
      title: translate(language, "board.calm"),
      text: translate(language, "board.calmText"),
      calm: true,
    },
  ];
}

const STRUCK_BY: Record<string, string> = {
  "situation.crisis": "badBuzz",
  "situation.migration": "platformChange",
  "situation.gap": "expertLeaves",
  "situation.cfo": "newCfo",
  "situation.sponsor": "newSponsor",
};

function fresh(cardId: string, struck: readonly string[]): boolean {
  return struck.includes(STRUCK_BY[cardId] ?? "");
}
