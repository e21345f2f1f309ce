/**
 * What a client sees of a room, as plain data: the synchronized Colyseus state decodes to this
 * shape. Anything secret (a team's draft and decision before reveal) sits in `TeamPrivateView`,
 * which only that team's members and the facilitator ever receive.
 */
import type { Allocation, BucketId } from "../model/levers";
import type { GaugeId } from "../model/gauges";
import type { TeamSituation } from "../model/situation";
import type { LoggedTurn, Scenario, TurnOutputs } from "../model/types";
import type { Language, Pacing, Phase } from "./constants";
import type { DebriefScreen } from "./screens";
import type { DecisionSource } from "./wireCodes";

/** The phases are a protocol constant (constants.ts); read here too, beside the view. */
export { PHASES, type Phase } from "./constants";

export interface ReasonView {
  gauge: GaugeId;
  cause: string;
  value: number;
}

/**
 * One revealed quarter of one team: public to everyone after the reveal. On the wire the
 * outputs in `FLOAT32_OUTPUTS` (wireCodes.ts) are float32, so they read as `Math.fround` of the
 * model's numbers; `kpi`, `score` (the rankings) and `forced` are exact.
 */
export interface TurnResultView extends TurnOutputs {
  turn: number;
  allocation: Allocation;
  /** Tokens pressure moved into campaigns (fractional: the model's own number, never rounded). */
  forced: number;
  /** "submitted" | "draft" (timer ran out, the draft was taken) | "default" | "bot". */
  decisionSource: DecisionSource;
  events: string[];
}

export interface TeamPrivateView {
  draft: Allocation;
  /** Who last touched the draft (player id). */
  draftBy: string;
  /**
   * Counts accepted draft edits in this room (every `allocation.set`/`adjust`); an `Ack`'s
   * `draftRev` says which revision includes that edit. Starts again at 0 in a restored room.
   */
  draftRev: number;
  submitted: boolean;
  decision: Allocation;
  /** The team's debrief answer ("" = none yet), seen by its members and the facilitator. */
  prediction: Prediction;
  /**
   * Why its gauges moved in the last revealed quarter (top reasons per gauge, values float32 on
   * the wire); empty before the first reveal. Only the team and the facilitator receive a team's
   * reasons: the debrief replays every quarter's from `debrief.data`.
   */
  reasons: ReasonView[];
}

/** A team's answer to "which lever mattered most for us?"; "" while it has none. */
export type Prediction = BucketId | "";

export interface TeamView {
  id: string;
  name: string;
  /** Strategy id when a bot plays the team, "" otherwise. */
  bot: string;
  budget: number;
  /** Whether the team has locked its decision this quarter (public: the "who has submitted" board). */
  submitted: boolean;
  history: TurnResultView[];
  /** Open wounds and who is in office, as of the last reveal (public, like the gauges). */
  situation: TeamSituation;
  /** Whether the team has answered the debrief question (public: "3 / 4 teams answered"). */
  predicted: boolean;
  /** Its answer, public once the facilitator has revealed ("" before, or with no answer). */
  prediction: Prediction;
  private?: TeamPrivateView;
}

export interface PlayerView {
  id: string;
  name: string;
  teamId: string;
  connected: boolean;
}

export interface RoomView {
  code: string;
  kind: "workshop" | "solo";
  scenarioId: string;
  language: Language;
  pacing: Pacing;
  phase: Phase;
  /** Quarters resolved so far; during a decision the quarter being decided is `turn + 1`. */
  turn: number;
  turnsTotal: number;
  /** Epoch ms when the decision timer runs out (0 = no timer). */
  deadline: number;
  paused: boolean;
  /** Remaining ms frozen while paused. */
  remainingMs: number;
  /** Event ids striking the quarter being decided / just resolved. */
  event: string[];
  /** The debrief's answers have been revealed (frozen, and public in `TeamView.prediction`). */
  revealed: boolean;
  /** What the facilitator put on the projector during the debrief ("" = the final ranking). */
  show: DebriefScreen | "";
  /** The team that screen is about ("" = every team). */
  showTeam: string;
  /** By team id, in the scenario's team order. */
  teams: Record<string, TeamView>;
  /** By player id, in joining order. */
  players: Record<string, PlayerView>;
}

/**
 * Answer to `results.reasons` (facilitator and projector): every team's reasons for quarter
 * `turn`, the last revealed one (0 and no teams before the first reveal), as the teams' own
 * private parts carry them.
 */
export interface QuarterReasons {
  turn: number;
  teams: Record<string, ReasonView[]>;
}

/** Answer to `debrief.data`: enough to replay the game exactly in the browser. */
export interface DebriefData {
  /** The scenario as played (a workshop may shorten or lengthen its years). */
  scenario: Scenario;
  seed: string;
  teamIds: string[];
  log: LoggedTurn[];
}
