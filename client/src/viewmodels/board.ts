/**
 * Everything the participant board draws, from the room view and the local draft: the seven
 * buckets as tiles, the budget meter, who edited the draft, the quarter's cards, the last reveal.
 * The scene adds pixels; every decision about what to show is made here.
 */
import {
  BUCKET_IDS,
  allocationTotal,
  type Allocation,
  type BucketId,
} from "../../../shared/model/levers";
import type { Language } from "../../../shared/protocol/messages";
import type {
  PlayerView,
  ReasonView,
  TeamView,
  TurnResultView,
} from "../../../shared/protocol/view";
import { translate, type MessageKey } from "../i18n/index";
import type { ClientView } from "../net/normalize";
import { currentQuarter } from "./track";
import { eventCards, type EventCardModel } from "./eventCards";

export interface TileModel {
  id: BucketId;
  name: string;
  short: string;
  desc: string;
  tokens: number;
  canAdd: boolean;
  canRemove: boolean;
  selected: boolean;
  /** `campaigns`: drawn apart, as the temptation. */
  temptation: boolean;
  /** The number key that selects it (1–7, board order). */
  key: number;
}

export interface BudgetModel {
  used: number;
  total: number;
  remaining: number;
  /** The CFO cut this quarter's budget below the scenario's. */
  cut: boolean;
}

export type BoardStage = "briefing" | "deciding" | "submitted" | "results" | "over" | "waiting";

export interface BoardModel {
  stage: BoardStage;
  quarter: number;
  turnsTotal: number;
  year: number;
  team: TeamView | null;
  tiles: TileModel[];
  budget: BudgetModel;
  /** A teammate's name when someone else touched the draft last. */
  draftBy: string | null;
  teammates: { name: string; connected: boolean; me: boolean }[];
  cards: EventCardModel[];
  last: TurnResultView | null;
  /** Why the gauges moved in `last` (the team's own reasons: only it receives them). */
  reasons: ReasonView[];
  canSubmit: boolean;
}

export function leverKey(id: BucketId, part: "name" | "short" | "desc"): MessageKey {
  return `lever.${id}.${part}` as MessageKey;
}

function stageFor(view: ClientView, team: TeamView | null): BoardStage {
  switch (view.phase) {
    case "briefing":
      return "briefing";
    case "decision":
      if (!team) return "waiting";
      return team.submitted || team.private?.submitted ? "submitted" : "deciding";
    case "results":
      return "results";
    case "debrief":
    case "ended":
      return "over";
    default:
      return "waiting";
  }
}

export function boardModel(
  language: Language,
  view: ClientView,
  myPlayerId: string,
  myTeamId: string | null,
  draft: Allocation,
  selected: BucketId | null,
  baseBudget: number,
): BoardModel {
  const team = (myTeamId && view.teams[myTeamId]) || null;
  const stage = stageFor(view, team);
  const editable = stage === "deciding";
  const total = team?.budget ?? baseBudget;
  const used = allocationTotal(draft);
  const tiles = BUCKET_IDS.map((id, i) => ({
    id,
    name: translate(language, leverKey(id, "name")),
    short: translate(language, leverKey(id, "short")),
    desc: translate(language, leverKey(id, "desc")),
    tokens: draft[id],
    canAdd: editable && used < total,
    canRemove: editable && draft[id] > 0,
    selected: editable && selected === id,
    temptation: id === "campaigns",
    key: i + 1,
  }));
  const players: PlayerView[] = Object.values(view.players).filter(
    (p) => myTeamId !== null && p.teamId === myTeamId,
  );
  const by = team?.private?.draftBy;
  const editor = by && by !== myPlayerId ? view.players[by]?.name : undefined;
  const quarter = currentQuarter(view.phase, view.turn, view.turnsTotal);
  return {
    stage,
    quarter,
    turnsTotal: view.turnsTotal,
    year: Math.floor((quarter - 1) / 4) + 1,
    team,
    tiles,
    budget: { used, total, remaining: Math.max(0, total - used), cut: total < baseBudget },
    draftBy: editor ?? null,
    teammates: players.map((p) => ({
      name: p.name,
      connected: p.connected,
      me: p.id === myPlayerId,
    })),
    cards: eventCards(language, view.event, team?.situation),
    last: team?.history[team.history.length - 1] ?? null,
    reasons: team?.private?.reasons ?? [],
    canSubmit: editable,
  };
}
