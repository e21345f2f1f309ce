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
      fr: "Une publication maladroite enflamme les réseaux. La confiance prend un coup, et la crise reste ouverte : tant qu'elle n'est pas traitée, elle ronge la confiance et décourage les actifs. Une réponse sérieuse — gouvernance et accompagnement, bien au-delà de l'ordinaire — la referme.",
      en: "A clumsy post sets the networks alight. Trust takes a hit, and the crisis stays open: until it is handled it eats at trust and discourages active members. A serious response — governance and support, well beyond the usual — closes it.",
    },
  },
  newCfo: {
    title: { fr: "Nouveau directeur financier", en: "New CFO" },
    text: {
      fr: "Le nouveau DAF ne jure que par le tableau de bord trimestriel. Pendant six trimestres, la pression détourne vos jetons vers le buzz ; deux trimestres ratés et le budget est coupé de 30 % jusqu'à son départ. Seul un mandat long terme solide protège le plan.",
      en: "The new CFO swears by the quarterly dashboard. For six quarters pressure diverts your tokens into buzz; miss two quarters running and the budget is cut by 30% until they leave. Only a solid long-term mandate protects the plan.",
    },
  },
  platformChange: {
    title: { fr: "Migration de plateforme", en: "Platform migration" },
    text: {
      fr: "L'outil change. Les règles sont à réécrire, une partie des membres décroche (moins s'ils ont une vraie culture numérique), la portée des campagnes est divisée par deux pendant un an, et la communauté saigne tant que la migration n'est pas menée : accompagnement et culture font passer les membres de l'autre côté.",
      en: "The tool changes. Rules must be rewritten, some members drop out (fewer if they have a real digital culture), campaign reach is halved for a year, and the community bleeds until the migration is carried through: support and culture carry members across.",
    },
  },
  expertLeaves: {
    title: { fr: "Départ d'une experte star", en: "A star expert leaves" },
    text: {
      fr: "Votre contributrice la plus écoutée part chez le rival le plus attractif, et le vide qu'elle laisse fait fuir d'autres experts. Recrutement et stratégie réciproque, bien au-delà de l'ordinaire, la remplacent.",
      en: "Your most listened-to contributor leaves for the most attractive rival, and the gap she leaves drives other experts away. Recruitment and a reciprocal strategy, well beyond the usual, replace her.",
    },
  },
  newSponsor: {
    title: { fr: "Nouveau sponsor", en: "New executive sponsor" },
    text: {
      fr: "Un membre du comité exécutif prend la communauté sous son aile : le mandat se renforce, et pendant un an la formation porte plus loin que d'habitude. Une fenêtre pour la culture numérique.",
      en: "An executive takes the community under their wing: the mandate grows stronger, and for a year training goes further than usual. A window for digital culture.",
    },
  },
};
