/** The event cards of a quarter, in the player's language; a calm card when nothing strikes. */
import { EVENT_CARDS, isEventId } from "../../../shared/model/events";
import type { Language } from "../../../shared/protocol/messages";
import { translate } from "../i18n/index";

export interface EventCardModel {
  id: string;
  title: string;
  text: string;
  calm: boolean;
}

export function eventCards(language: Language, events: readonly string[]): EventCardModel[] {
  const cards = [...new Set(events)].filter(isEventId).map((id) => ({
    id,
    title: EVENT_CARDS[id].title[language],
    text: EVENT_CARDS[id].text[language],
    calm: false,
  }));
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
