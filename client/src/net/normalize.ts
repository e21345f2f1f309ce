/**
 * The synchronized Colyseus state, decoded by reflection, turned into plain `RoomView` data the
 * view-models can read. Decoding tolerates the shapes a schema may take on the wire (maps or
 * records, arrays or array-likes, allocations as objects or JSON strings) so the screens depend
 * on the contract in shared/protocol/view.ts, not on how the server lays out its schema.
 */
import {
  BUCKET_IDS,
  emptyAllocation,
  type Allocation,
  type BucketId,
} from "../../../shared/model/levers";
import { isGaugeId } from "../../../shared/model/gauges";
import { isDebriefScreen } from "../../../shared/protocol/screens";
import type { TeamSituation } from "../../../shared/model/situation";
import type {
  DecisionSource,
  Phase,
  PlayerView,
  Prediction,
  ReasonView,
  RoomView,
  TeamPrivateView,
  TeamView,
  TurnResultView,
} from "../../../shared/protocol/view";

/** A RoomView whose collections are plain records, in the server's order. */
export interface ClientView extends Omit<RoomView, "teams" | "players"> {
  teams: Record<string, TeamView>;
  players: Record<string, PlayerView>;
}

type Loose = Record<string, unknown>;

function plain(value: unknown): unknown {
  if (value && typeof value === "object" && "toJSON" in value) {
    const toJSON = (value as { toJSON: unknown }).toJSON;
    if (typeof toJSON === "function") return (toJSON as () => unknown).call(value);
  }
  return value;
}

function obj(value: unknown): Loose {
  const v = plain(value);
  if (typeof v === "string") {
    try {
      return obj(JSON.parse(v));
    } catch {
      return {};
    }
  }
  if (v instanceof Map) return Object.fromEntries(v) as Loose;
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : {};
}

function list(value: unknown): unknown[] {
  const v = plain(value);
  if (Array.isArray(v)) return v;
  if (v && typeof v === "object" && "length" in v) return Array.from(v as ArrayLike<unknown>);
  if (v && typeof v === "object") return Object.values(v);
  return [];
}

const num = (v: unknown, fallback = 0): number =>
  typeof v === "number" && Number.isFinite(v) ? v : fallback;
const str = (v: unknown, fallback = ""): string => (typeof v === "string" ? v : fallback);
const bool = (v: unknown): boolean => v === true;
const prediction = (v: unknown): Prediction => BUCKET_IDS.find((id: BucketId) => id === v) ?? "";

export function toAllocation(value: unknown): Allocation {
  const raw = obj(value);
  const out = emptyAllocation();
  for (const id of BUCKET_IDS) out[id] = Math.max(0, Math.round(num(raw[id])));
  return out;
}

const PHASE_LIST: readonly Phase[] = [
  "lobby",
  "briefing",
  "decision",
  "results",
  "debrief",
  "ended",
];
const SOURCES: readonly DecisionSource[] = ["submitted", "draft", "default", "bot"];

function toReason(value: unknown): ReasonView {
  const r = obj(value);
  const gauge = isGaugeId(r.gauge) ? r.gauge : "engagement";
  return { gauge, cause: str(r.cause), value: num(r.value) };
}

function toTurn(value: unknown): TurnResultView {
  const r = obj(value);
  const source = SOURCES.find((s) => s === r.decisionSource) ?? "submitted";
  return {
    turn: num(r.turn),
    engagement: num(r.engagement),
    reach: num(r.reach),
    buzzVolatility: num(r.buzzVolatility),
    trust: num(r.trust),
    kpi: num(r.kpi),
    ssv: num(r.ssv),
    score: num(r.score),
    legacy: num(r.legacy),
    allocation: toAllocation(r.allocation),
    forced: num(r.forced),
    decisionSource: source,
    events: list(r.events).map((e) => str(e)),
    reasons: list(r.reasons).map(toReason),
  };
}

function toPrivate(value: unknown): TeamPrivateView | undefined {
  const p = plain(value);
  if (!p || typeof p !== "object") return undefined;
  const r = obj(p);
  if (r.draft === undefined && r.decision === undefined && r.submitted === undefined)
    return undefined;
  return {
    draft: toAllocation(r.draft),
    draftBy: str(r.draftBy),
    draftRev: num(r.draftRev),
    submitted: bool(r.submitted),
    decision: toAllocation(r.decision),
    prediction: prediction(r.prediction),
  };
}

/** Wounds in [0, 1], offices in whole quarters; anything else reads as nothing open. */
function toSituation(value: unknown): TeamSituation {
  const r = obj(value);
  const share = (v: unknown) => Math.min(1, Math.max(0, num(v)));
  const quarters = (v: unknown) => Math.max(0, Math.round(num(v)));
  return {
    crisis: share(r.crisis),
    migration: share(r.migration),
    gap: share(r.gap),
    cfoQuarters: quarters(r.cfoQuarters),
    sponsorQuarters: quarters(r.sponsorQuarters),
  };
}

function toTeam(id: string, value: unknown): TeamView {
  const r = obj(value);
  const team: TeamView = {
    id: str(r.id, id),
    name: str(r.name, id),
    bot: str(r.bot),
    budget: num(r.budget, 10),
    submitted: bool(r.submitted),
    history: list(r.history)
      .map(toTurn)
      .sort((a, b) => a.turn - b.turn),
    situation: toSituation(r.situation),
    predicted: bool(r.predicted),
    prediction: prediction(r.prediction),
  };
  const priv = toPrivate(r.private);
  if (priv) team.private = priv;
  return team;
}

function toPlayer(id: string, value: unknown): PlayerView {
  const r = obj(value);
  return {
    id: str(r.id, id),
    name: str(r.name),
    teamId: str(r.teamId),
    connected: r.connected === undefined ? true : bool(r.connected),
  };
}

export function normalizeRoom(raw: unknown): ClientView {
  const r = obj(raw);
  const teams: Record<string, TeamView> = {};
  for (const [id, value] of Object.entries(obj(r.teams))) teams[id] = toTeam(id, value);
  const players: Record<string, PlayerView> = {};
  for (const [id, value] of Object.entries(obj(r.players))) players[id] = toPlayer(id, value);
  return {
    code: str(r.code),
    kind: r.kind === "solo" ? "solo" : "workshop",
    scenarioId: str(r.scenarioId, "default"),
    language: r.language === "en" ? "en" : "fr",
    pacing: r.pacing === "auto" ? "auto" : "facilitator",
    phase: PHASE_LIST.find((p) => p === r.phase) ?? "lobby",
    turn: num(r.turn),
    turnsTotal: num(r.turnsTotal, 16),
    deadline: num(r.deadline),
    paused: bool(r.paused),
    remainingMs: num(r.remainingMs),
    event: list(r.event).map((e) => str(e)),
    revealed: bool(r.revealed),
    show: typeof r.show === "string" && isDebriefScreen(r.show) ? r.show : "",
    showTeam: str(r.showTeam),
    teams,
    players,
  };
}

/** The same view without anything secret: what the projector may draw. */
export function publicOnly(view: ClientView): ClientView {
  const teams: Record<string, TeamView> = {};
  for (const [id, team] of Object.entries(view.teams)) {
    const { private: _secret, ...rest } = team;
    teams[id] = rest;
  }
  return { ...view, teams };
}
