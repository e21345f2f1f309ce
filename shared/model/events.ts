/**
 * The event catalogue: what each event does to a team, and the card players read.
 * Events are either on a scenario's timeline (possibly with a probability) or injected live.
 */
export const EVENT_IDS = [
  "badBuzz",
  "newCfo",
  "platformChange",
  "expertLeaves",
  "newSponsor",
] as const;
export type EventId = (typeof EVENT_IDS)[number];

export function isEventId(value: unknown): value is EventId {
  return typeof value === "string" && (EVENT_IDS as readonly string[]).includes(value);
}

export interface Localized {
  fr: string;
  en: string;
}

export interface EventCard {
  title: Localized;
  text: Localized;
}

export const EVENT_CARDS: Record<EventId, EventCard> = {
  badBuzz: {
    title: { fr: "Bad buzz", en: "Bad buzz" },
    text: {
      fr: "Une publication maladroite enflamme les réseaux. La confiance va en prendre un coup : une gouvernance claire et des membres fidèles amortissent le choc.",
      en: "A clumsy post sets the networks alight. Trust will take a hit: clear governance and loyal members soften the blow.",
    },
  },
  newCfo: {
    title: { fr: "Nouveau directeur financier", en: "New CFO" },
    text: {
      fr: "Le nouveau DAF ne jure que par le tableau de bord trimestriel. Pendant six trimestres, la pression pousse vers le buzz ; deux trimestres ratés et le budget est coupé de 20 %. Un mandat fort protège le plan.",
      en: "The new CFO swears by the quarterly dashboard. For six quarters pressure pushes towards buzz; miss two quarters running and the budget is cut by 20%. A strong mandate protects the plan.",
    },
  },
  platformChange: {
    title: { fr: "Migration de plateforme", en: "Platform migration" },
    text: {
      fr: "L'outil change. Les règles sont à réécrire, une partie des membres décroche (moins s'ils ont une vraie culture numérique) et la portée des campagnes est divisée par deux pendant un an.",
      en: "The tool changes. Rules must be rewritten, some members drop out (fewer if they have a real digital culture) and campaign reach is halved for a year.",
    },
  },
  expertLeaves: {
    title: { fr: "Départ d'une experte star", en: "A star expert leaves" },
    text: {
      fr: "Votre contributrice la plus écoutée part chez un concurrent, et d'autres experts la suivent.",
      en: "Your most listened-to contributor leaves for a competitor, and other experts follow.",
    },
  },
  newSponsor: {
    title: { fr: "Nouveau sponsor", en: "New executive sponsor" },
    text: {
      fr: "Un membre du comité exécutif prend la communauté sous son aile : le mandat long terme se renforce.",
      en: "An executive takes the community under their wing: the long-term mandate grows stronger.",
    },
  },
};
