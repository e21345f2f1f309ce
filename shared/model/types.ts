/**
 * The data the simulation works on. Everything is plain JSON (no classes, no functions), so a
 * game can be saved, sent to a browser, hashed and resumed exactly.
 */
import type { CauseId } from "./causes";
import type { Allocation } from "./levers";
import type { EventId, Localized } from "./events";
import type { RngState } from "./rng";

/** The stocks of docs/model.md, all in [0, 1] except `Z` (buzz carry-over, ≥ 0). */
export interface Stocks {
  /** long-term mandate */ L: number;
  /** culture pipeline (training in progress) */ W: number;
  /** digital culture */ C: number;
  /** governance */ G: number;
  /** coaching capacity */ K: number;
  /** reciprocal strategy */ S: number;
  /** members, share of the addressable population */ M: number;
  /** share of members who are active */ a: number;
  /** experts, share of members */ X: number;
  /** buzz carry-over (adstock) */ Z: number;
  /** trust */ T: number;
  /** élan: champions' enthusiasm */ N: number;
}
export const STOCK_IDS = ["L", "W", "C", "G", "K", "S", "M", "a", "X", "Z", "T", "N"] as const;
export type StockId = (typeof STOCK_IDS)[number];

export interface TeamState extends Stocks {
  /** Baseline quarterly pressure from the scenario. */
  P: number;
  /** Quarters of new-CFO pressure still to come. */
  cfoQuarters: number;
  /** Consecutive quarters the CFO KPI missed its target. */
  cfoMisses: number;
  /** Quarters of halved platform reach still to come. */
  platformQuarters: number;
  /** Quarters of a new sponsor's window for culture still to come. */
  sponsorQuarters: number;
  /** Open wounds (0 when healed): a bad-buzz crisis, a platform migration, an expert gap. */
  crisis: number;
  migration: number;
  gap: number;
  /** Tokens available at the next decision. */
  budget: number;
  /** Reach of the last (up to) four quarters, oldest first. */
  reachWindow: number[];
  /** Last quarter's reach from ordinary campaigns, viral hits and the community itself. */
  lastOrdinary: number;
  lastViral: number;
  lastOrganic: number;
  /** Last quarter's CFO KPI (the target under a new CFO and rivals' benchmark start from it). */
  lastKpi: number;
  /** Tokens pressure forced into campaigns last quarter (the board says so). */
  lastForced: number;
  /** Last quarter's active share (élan feeds on visible success: the share growing). */
  lastActive: number;
  /** Σ E·T over the quarters played: the score's first part (in population shares). */
  accumulated: number;
  /** Tokens the team decided per bucket, summed over the quarters (its average allocation). */
  spent: Allocation;
}

/** What a quarter produced for one team: the gauges and scores players see. */
export interface TurnOutputs {
  engagement: number;
  reach: number;
  buzzVolatility: number;
  trust: number;
  /** CFO KPI: what the quarterly dashboard shows. */
  kpi: number;
  /** Sustainable social value E·T. */
  ssv: number;
  /**
   * Engaged, trusting members per 100 people, summed over the quarters so far; after the last
   * quarter it also holds `legacy`.
   */
  score: number;
  /** What the team leaves behind (score units): 0 until the last quarter. */
  legacy: number;
}
export const OUTPUT_IDS = [
  "engagement",
  "reach",
  "buzzVolatility",
  "trust",
  "kpi",
  "ssv",
  "score",
  "legacy",
] as const satisfies readonly (keyof TurnOutputs)[];
export type OutputId = (typeof OUTPUT_IDS)[number];

/** Named causes a gauge moved (the list and its comments: causes.ts). */
export type { CauseId } from "./causes";

export interface Contribution {
  cause: CauseId;
  value: number;
}

export interface GaugeExplanation {
  before: number;
  after: number;
  /** Sum of `parts` equals `after − before` (to 1e-9). */
  parts: Contribution[];
}

export interface Explanation {
  engagement: GaugeExplanation;
  trust: GaugeExplanation;
  reach: GaugeExplanation;
}

export interface CampaignOutcome {
  /** Campaign slots that ran. */
  active: number;
  viral: number;
  backfired: number;
}

/** One team's quarter, as recorded in the history and shown after reveal. */
export interface TurnRecord {
  turn: number;
  budget: number;
  /** What the team decided. */
  allocation: Allocation;
  /** What was actually spent after quarterly pressure moved tokens into campaigns. */
  effective: Allocation;
  /** Tokens pressure forced from the levers into campaigns. */
  forced: number;
  events: EventId[];
  campaigns: CampaignOutcome;
  outputs: TurnOutputs;
  stocks: Stocks;
  explain: Explanation;
}

export interface ScenarioEvent {
  /** 1-based quarter at whose resolution the event strikes. */
  quarter: number;
  event: EventId;
  /** Chance it happens (drawn from the events stream); 1 when absent. */
  probability?: number | undefined;
}

export interface Scenario {
  id: string;
  title: Localized;
  description: Localized;
  years: number;
  budget: number;
  /** Where a team starts (élan starts neutral-ish for everyone: PARAMS.elan.start). */
  start: Omit<Stocks, "N"> & { P: number };
  defaultAllocation: Allocation;
  events: ScenarioEvent[];
}

/** An event a facilitator adds live; without `teams` it strikes every team. */
export interface InjectedEvent {
  event: EventId;
  teams?: string[] | undefined;
}

/** One resolved quarter of the log: enough to replay the game exactly. */
export interface LoggedTurn {
  decisions: Record<string, Allocation>;
  injected: InjectedEvent[];
}

export interface GameRng {
  moment: RngState;
  events: RngState;
  buzz: Record<string, RngState>;
}

export interface GameState {
  version: 1;
  scenario: Scenario;
  seed: string;
  /** Where each random stream stands after the last resolved quarter (see rng.ts). */
  rng: GameRng;
  /** Quarters resolved so far (0 before the first). */
  turn: number;
  turnsTotal: number;
  teamIds: string[];
  teams: Record<string, TeamState>;
  history: Record<string, TurnRecord[]>;
  /** Events that struck each resolved quarter (scenario and injected), for every team view. */
  eventsByTurn: EventId[][];
  log: LoggedTurn[];
}
