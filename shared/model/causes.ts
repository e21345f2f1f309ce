/**
 * The causes a gauge moved, named once: the model's explanations credit each change to one of
 * them, the client translates them (`cause.*`), the loops table places each in a feedback loop,
 * and the synchronized state sends each as its index here (shared/protocol/wireCodes.ts).
 */
import { EVENT_IDS, type EventId } from "./events";

export const BASE_CAUSES = [
  "organic",
  "buzzPull",
  "recruitment",
  "wordOfMouth",
  "churn",
  "culture",
  "governance",
  "coaching",
  "strategy",
  "lapse",
  "expertAttrition",
  "backfire",
  "campaignErosion",
  "campaigns",
  "virality",
  "bounds",
  /** Champions' élan multiplying activation (above or below its neutral level). */
  "elan",
  /** Experts' answers bringing members in. */
  "expertPull",
  /** Experts moving between teams: a rival's star who joins you, or yours who leaves for one. */
  "rivalExperts",
  /** Reach the community earns by itself (engaged, trusting members sharing). */
  "organicReach",
  /** Trust wearing out where nothing tends it. */
  "neglect",
] as const;

/** A cause: one of the above, or an event's immediate hit or its wound bleeding later. */
export type CauseId = (typeof BASE_CAUSES)[number] | `event:${EventId}`;

/** Every cause, the events' last (in `EVENT_IDS` order). */
export const CAUSE_IDS: readonly CauseId[] = [
  ...BASE_CAUSES,
  ...EVENT_IDS.map((id) => `event:${id}` as const),
];
