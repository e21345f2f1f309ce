/**
 * The synchronized state: a view of the session, shaped like `RoomView` in
 * shared/protocol/view.ts. Built with the `schema({...})` helper (decorators miscompile under
 * Vite, see STACK.md). The one secret part, `TeamState.private`, is tagged `.view()`: only
 * clients whose StateView holds that team (its members, the facilitator) ever receive it.
 *
 * Lean on purpose (docs/performance.md, "What each field costs"): names travel as one-byte codes
 * (shared/protocol/wireCodes.ts, decoded by the client's normaliser), the board's gauges as
 * float32, token counts as uint8 (a budget is at most 100), and a team's reasons only to the
 * team, inside its private part.
 */
import { schema, t, type SchemaType } from "@colyseus/schema";

export const AllocationState = schema(
  {
    longTerm: t.uint8(),
    culture: t.uint8(),
    governance: t.uint8(),
    support: t.uint8(),
    recruitment: t.uint8(),
    strategy: t.uint8(),
    campaigns: t.uint8(),
  },
  "Allocation",
);
export type AllocationState = SchemaType<typeof AllocationState>;

/**
 * One revealed quarter. Its quarter is its position in `history` (+1); `forced` and `legacy`
 * are left unset when 0 (OMITTED_WHEN_ZERO).
 */
export const TurnResultState = schema(
  {
    // FLOAT32_OUTPUTS as float32; kpi and score exact (the rankings), forced exact.
    engagement: t.float32(),
    reach: t.float32(),
    buzzVolatility: t.float32(),
    trust: t.float32(),
    kpi: t.float64(),
    ssv: t.float32(),
    score: t.float64(),
    legacy: t.float32(),
    /** `packAllocation`. */
    allocation: t.float64(),
    forced: t.float64(),
    /** `sourceCode`. */
    decisionSource: t.uint8(),
    /** `eventCode`s. */
    events: t.array("uint8"),
  },
  "TurnResult",
);
export type TurnResultState = SchemaType<typeof TurnResultState>;

export const TeamPrivateState = schema(
  {
    draft: AllocationState,
    draftBy: t.string(),
    /** A varint: one or two bytes for most of a workshop, where a uint32 takes four. */
    draftRev: t.number(),
    submitted: t.boolean(),
    decision: AllocationState,
    /** The team's debrief answer before the reveal ("" = none). */
    prediction: t.string(),
    /**
     * Why its gauges moved in the last revealed quarter: reason i is `reasonCodes[i]` (gauge and
     * cause, `reasonCode`) and `reasonValues[i]`. Two flat arrays cost a third less than objects.
     */
    reasonCodes: t.array("uint8"),
    reasonValues: t.array("float32"),
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
    /** `eventCode`s. */
    event: t.array("uint8"),
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
