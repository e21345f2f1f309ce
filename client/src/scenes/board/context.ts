/**
 * Everything a region of the board needs, worked out once per draw: the layout, the models, the
 * translation, where drawn objects go and where controls are reported. The regions (header, card
 * slot, decision, results, side) are functions of this context and never import each other, so
 * the scene's pieces cannot form an import cycle.
 */
import type Phaser from "phaser";
import type { Allocation, BucketId } from "../../../../shared/model/levers";
import type { Language } from "../../../../shared/protocol/messages";
import { translate, type MessageKey } from "../../i18n/index";
import { findScenario } from "../../scenarios";
import type { ClientView } from "../../net/normalize";
import type { Session } from "../../net/session";
import type { ControlSpot } from "../../viewmodels/controls";
import { boardModel } from "../../viewmodels/board";
import type { DecisionsTableModel } from "../../viewmodels/decisionsTable";
import { gaugeModels, gaugeScale, startPoint, type GaugeModel } from "../../viewmodels/gauges";
import { soloHint } from "../../viewmodels/hint";
import { boardLayout, type BoardLayout, type BoardTab } from "../../viewmodels/layout";
import { leaderboard, type LeaderRow } from "../../viewmodels/leaderboard";
import type { HeaderBox } from "../../draw/decisionsTable";
import type { ResultsCardModel } from "../../draw/resultsCard";

export interface BoardHandlers {
  adjust(bucket: BucketId, delta: number): void;
  /** A tap on a lever: it becomes the selected one (on a phone its description shows). */
  select(bucket: BucketId): void;
  /** Closes a phone's lever description. */
  closeInfo(): void;
  submit(): void;
  next(): void;
  debrief(): void;
  tab(tab: BoardTab): void;
}

export interface BoardParams {
  width: number;
  height: number;
  language: Language;
  view: ClientView;
  session: Session;
  draft: Allocation;
  selected: BucketId | null;
  /** The lever whose description a phone shows in the card's place (tapped), if any. */
  info: BucketId | null;
  tab: BoardTab;
  forecast: Record<string, number> | undefined;
  handlers: BoardHandlers;
  /** Filled while drawing: the controls drawn, for their DOM twins (ui/decisionControls.ts). */
  spots: ControlSpot[];
}

/** What was drawn, for the text alternatives that must say the same (ui/boardSummary.ts). */
export interface BoardDrawn {
  digits: Phaser.GameObjects.Text | null;
  gauges: GaugeModel[];
  ranking: LeaderRow[];
  /** The results card as drawn, and the revealed decisions as a table (the summary's words). */
  results: { card: ResultsCardModel; decisions: DecisionsTableModel | null } | null;
  /** The quarter's cards, or the solo coach's hint when it speaks in their place. */
  cards: { title: string; text: string }[];
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;
export type AddObjects = (...objects: Phaser.GameObjects.GameObject[]) => void;
export type BoardModel = ReturnType<typeof boardModel>;
type Team = ClientView["teams"][string];

/** What the decisions table needs, wherever a region draws it. */
export interface DecisionsOptions {
  language: Language;
  teams: Team[];
  myTeamId: string | null;
  report: (boxes: HeaderBox[]) => void;
}

export interface BoardContext {
  scene: Phaser.Scene;
  params: BoardParams;
  add: AddObjects;
  translate: Translate;
  layout: BoardLayout;
  model: BoardModel;
  solo: boolean;
  teams: Team[];
  /** The tab a phone shows (the wide board shows everything, as "decide"). */
  tab: BoardTab;
  /** Whether the decision area (or the results card in its place) shows. */
  showDecide: boolean;
  gauges: GaugeModel[];
  ranking: LeaderRow[];
  /** The solo coach's words, when they take the card slot (no event claims it). */
  coach: { text: string } | null;
  decisionsOptions: DecisionsOptions;
}

export function boardContext(
  scene: Phaser.Scene,
  root: Phaser.GameObjects.Container,
  params: BoardParams,
): BoardContext {
  const { view, language, session } = params;
  const scenario = findScenario(view.scenarioId);
  const teamId = session.teamId;
  const solo = session.identity.role === "solo";
  const layout = boardLayout(params.width, params.height);
  const model = boardModel(
    language,
    view,
    session.identity.playerId,
    teamId,
    params.draft,
    params.selected,
    scenario?.budget ?? 10,
  );
  const teams = Object.values(view.teams);
  const history = model.team?.history ?? [];
  const forecast = model.stage === "deciding" ? params.forecast : undefined;
  const gauges = teamGauges(language, teams, history, startPoint(scenario), forecast);
  const tab = layout.compact ? params.tab : "decide";
  const hint =
    solo && (model.stage === "deciding" || model.stage === "briefing")
      ? soloHint(language, history, model.reasons, view.event, model.budget.total)
      : null;
  return {
    scene,
    params,
    add: (...objects) => root.add(objects),
    translate: (key, values) => translate(language, key, values),
    layout,
    model,
    solo,
    teams,
    tab,
    showDecide: !layout.compact || tab === "decide",
    gauges,
    ranking: leaderboard(language, teams, teamId),
    coach: hint && model.cards.every((card) => card.calm) ? hint : null,
    decisionsOptions: { language, teams, myTeamId: teamId, report: reportHeaders(scene) },
  };
}

/** The team's gauges on the room's scales (every team's history), with the draft's forecast. */
function teamGauges(
  language: Language,
  teams: readonly Team[],
  history: Team["history"],
  start: ReturnType<typeof startPoint>,
  forecast: Record<string, number> | undefined,
): GaugeModel[] {
  const histories = teams.map((team) => team.history);
  const scales = {
    reach: gaugeScale("reach", histories),
    engagement: gaugeScale("engagement", histories),
  };
  return gaugeModels(language, history, start, { scales, ...(forecast ? { forecast } : {}) });
}

/** The decisions table's report of its header boxes, for the layout tests. */
function reportHeaders(scene: Phaser.Scene): (boxes: HeaderBox[]) => void {
  return (boxes) => {
    const hooks = window.__elan;
    if (hooks) hooks.decisionsHeaders = { scene: scene.scene.key, boxes };
  };
}
