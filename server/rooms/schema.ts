/**
 * The synchronized state: a view of the session, shaped like `RoomView` in
 * shared/protocol/view.ts. Built with the `schema({...})` helper (decorators miscompile under
 * Vite, see STACK.md). The one secret part, `TeamState.private`, is tagged `.view()`: only
 * clients whose StateView holds that team (its members, the facilitator) ever receive it.
 */
import { schema, t, type SchemaType } from "@colyseus/schema";

export const AllocationState = schema(
  {
    longTerm: t.uint16(),
    culture: t.uint16(),
    governance: t.uint16(),
    support: t.uint16(),
    recruitment: t.uint16(),
    strategy: t.uint16(),
    campaigns: t.uint16(),
  },
  "Allocation",
);
export type AllocationState = SchemaType<typeof AllocationState>;

export const ReasonState = schema(
  { gauge: t.string(), cause: t.string(), value: t.float64() },
  "Reason",
);
export type ReasonState = SchemaType<typeof ReasonState>;

export const TurnResultState = schema(
  {
    turn: t.uint16(),
    engagement: t.float64(),
    reach: t.float64(),
    buzzVolatility: t.float64(),
    trust: t.float64(),
    kpi: t.float64(),
    ssv: t.float64(),
    score: t.float64(),
    legacy: t.float64(),
    allocation: AllocationState,
    forced: t.float64(),
    decisionSource: t.string(),
    events: t.array("string"),
    reasons: t.array(ReasonState),
  },
  "TurnResult",
);
export type TurnResultState = SchemaType<typeof TurnResultState>;

export const TeamPrivateState = schema(
  {
    draft: AllocationState,
    draftBy: t.string(),
    draftRev: t.uint32(),
    submitted: t.boolean(),
    decision: AllocationState,
    /** The team's debrief answer before the reveal ("" = none). */
    prediction: t.string(),
  },
  "TeamPrivate",
);
export type TeamPrivateState = SchemaType<typeof TeamPrivateState>;

export const SituationState = schema(
  {
    crisis: t.float64(),
    migration: t.float64(),
    gap: t.float64(),
    cfoQuarters: t.uint8(),
    sponsorQuarters: t.uint8(),
  },
  "Situation",
);
export type SituationState = SchemaType<typeof SituationState>;

export const TeamState = schema(
  {
    id: t.string(),
    name: t.string(),
    bot: t.string(),
    budget: t.uint16(),
    submitted: t.boolean(),
    history: t.array(TurnResultState),
    situation: SituationState,
    /** Public: the team has answered the debrief question (its answer stays private). */
    predicted: t.boolean(),
    /** Public once revealed; "" until then. */
    prediction: t.string(),
    private: t.ref(TeamPrivateState).view(),
  },
  "Team",
);
export type TeamState = SchemaType<typeof TeamState>;

export const PlayerState = schema(
  { id: t.string(), name: t.string(), teamId: t.string(), connected: t.boolean() },
  "Player",
);
export type PlayerState = SchemaType<typeof PlayerState>;

export const RoomState = schema(
  {
    code: t.string(),
    kind: t.string(),
    scenarioId: t.string(),
    language: t.string(),
    pacing: t.string(),
    phase: t.string(),
    turn: t.uint16(),
    turnsTotal: t.uint16(),
    deadline: t.float64(),
    paused: t.boolean(),
    remainingMs: t.float64(),
    event: t.array("string"),
    revealed: t.boolean(),
    /** The debrief screen the facilitator put on the projector ("" = the final ranking). */
    show: t.string(),
    /** The team that screen is about ("" = every team). */
    showTeam: t.string(),
    teams: t.map(TeamState),
    players: t.map(PlayerState),
  },
  "RoomState",
);
export type RoomState = SchemaType<typeof RoomState>;
