/**
 * Composes the board from the view-models: which pieces show depends on the layout (wide or
 * phone tabs) and the stage (briefing, deciding, submitted, results, over).
 */
import type Phaser from "phaser";
import type { Allocation, BucketId } from "../../../shared/model/levers";
import type { Language } from "../../../shared/protocol/messages";
import { translate } from "../i18n/index";
import { findScenario } from "../scenarios";
import type { ClientView } from "../net/normalize";
import type { Session } from "../net/session";
import { BUCKET_COLORS, COLORS } from "../theme";
import { boardModel } from "../viewmodels/board";
import { gaugeModels, gaugeScale, startPoint, type GaugeModel } from "../viewmodels/gauges";
import { boardLayout, type BoardLayout, type BoardTab } from "../viewmodels/layout";
import { leaderboard, type LeaderRow } from "../viewmodels/leaderboard";
import { forcedNote, reasonsModel } from "../viewmodels/reasons";
import { timerModel } from "../viewmodels/timer";
import { trackModel } from "../viewmodels/track";
import { soloHint } from "../viewmodels/hint";
import { noteCard } from "../draw/coach";
import { canvasButton } from "../draw/button";
import { forecastStrip } from "../draw/forecastStrip";
import { eventCard } from "../draw/eventCard";
import { gaugeRow } from "../draw/gauge";
import { leaderboardTable } from "../draw/leaderboard";
import { resultsCard, type ResultsCardModel } from "../draw/resultsCard";
import { panel } from "../draw/panel";
import { podiumView } from "../draw/podium";
import { finalPodium } from "../viewmodels/reveal";
import { decisionsTable, type DecisionsTableModel } from "../viewmodels/decisionsTable";
import {
  decisionsTableHeight,
  decisionsTableMinHeight,
  decisionsTableView,
  type HeaderBox,
} from "../draw/decisionsTable";
import { tabBar } from "../draw/tabs";
import { timerBadge } from "../draw/timerBadge";
import { quarterTrack } from "../draw/track";
import { fit, text } from "../draw/text";
import { scoreSplit } from "../viewmodels/metrics";
import { drawDecide } from "./boardDecide";
import { resultsActionRect, tabRects, type ControlSpot } from "../viewmodels/controls";

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

export function drawBoard(
  scene: Phaser.Scene,
  root: Phaser.GameObjects.Container,
  p: BoardParams,
): BoardDrawn {
  const { view, language: lang, session } = p;
  const tr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(lang, key, params);
  const L: BoardLayout = boardLayout(p.width, p.height);
  const scenario = findScenario(view.scenarioId);
  const teamId = session.teamId;
  const solo = session.identity.role === "solo";
  const m = boardModel(
    lang,
    view,
    session.identity.playerId,
    teamId,
    p.draft,
    p.selected,
    scenario?.budget ?? 10,
  );
  const teams = Object.values(view.teams);
  const history = m.team?.history ?? [];
  const histories = teams.map((x) => x.history);
  const scales = {
    reach: gaugeScale("reach", histories),
    engagement: gaugeScale("engagement", histories),
  };
  const gauges = gaugeModels(lang, history, startPoint(scenario), {
    scales,
    ...(p.forecast && m.stage === "deciding" ? { forecast: p.forecast } : {}),
  });
  const add = (...objects: Phaser.GameObjects.GameObject[]) => root.add(objects);
  const decisionsOptions = {
    language: lang,
    teams,
    myTeamId: teamId,
    report: (boxes: HeaderBox[]) => {
      const hooks = window.__elan;
      if (hooks) hooks.decisionsHeaders = { scene: scene.scene.key, boxes };
    },
  };
  const tab = L.compact
    ? m.stage === "results" && p.tab === "decide"
      ? "decide"
      : p.tab
    : "decide";

  // Header: the track, the team, the clock.
  const track = trackModel(
    view.phase,
    view.turn,
    view.turnsTotal,
    history.map((r) => r.events),
    view.event,
  );
  const trackW = L.compact ? L.header.w - 90 : Math.min(L.header.w * 0.5, 620);
  add(
    quarterTrack(
      scene,
      { x: L.header.x, y: L.header.y + 4, w: trackW, h: L.compact ? 36 : 44 },
      track,
      (y) => tr("common.year", { y }),
    ),
  );
  const quarterLine = `${tr("common.quarterOf", { q: m.quarter, total: m.turnsTotal })} · ${tr(`phase.${view.phase}`)}`;
  add(
    text(scene, L.header.x, L.header.y + (L.compact ? 42 : 50), quarterLine, {
      size: L.compact ? 12 : 14,
      color: COLORS.textDim,
    }),
  );
  if (!L.compact && m.team) {
    add(
      text(scene, L.header.x + trackW + 40, L.header.y + 8, m.team.name, {
        size: 22,
        weight: "bold",
      }),
    );
    const mates = solo
      ? ""
      : m.teammates.map((x) => (x.me ? `${x.name} (${tr("common.you")})` : x.name)).join(" · ");
    if (mates)
      add(
        fit(
          text(scene, L.header.x + trackW + 40, L.header.y + 38, mates, {
            size: 13,
            color: COLORS.textDim,
          }),
          L.header.w - trackW - 200,
        ),
      );
  }
  const timer = timerModel(view, session.serverNow());
  let digits: Phaser.GameObjects.Text | null = null;
  if (timer.active) {
    const badge = timerBadge(
      scene,
      L.header.x + L.header.w,
      L.header.y + (L.compact ? 0 : 4),
      timer,
      timer.paused ? tr("board.paused") : tr("board.timeLeft"),
      L.compact ? 26 : 34,
    );
    add(badge.container);
    digits = badge.digits;
  }

  const showDecide = !L.compact || tab === "decide";
  const announced = m.cards;
  const hint =
    solo && (m.stage === "deciding" || m.stage === "briefing")
      ? soloHint(lang, history, view.event, m.budget.total)
      : null;
  const engagementNow = gauges[0]?.value ?? 0;
  const trustNow = gauges[2]?.value ?? 0.5;

  // The solo coach speaks in the card slot when no event claims it.
  const coach = hint && announced.every((c) => c.calm) ? hint : null;
  // A phone deciding keeps the forecast in sight, under the card, and shows a tapped lever's
  // description in the card's place (the wide board has room for both beside the levers).
  const phoneDeciding = L.compact && showDecide && m.stage === "deciding";
  const strip = phoneDeciding && p.forecast ? 52 : 0;
  const card = strip ? { ...L.card, h: L.card.h - strip - 8 } : L.card;
  const info = phoneDeciding && p.info ? m.tiles.find((x) => x.id === p.info) : undefined;
  if (showDecide || !L.compact) {
    const podium = finalPodium(lang, view, teamId);
    if (podium.length > 0) {
      add(panel(scene, card, { border: COLORS.accent, borderAlpha: 0.6 }));
      const inset = { x: card.x + 12, y: card.y + 10, w: card.w - 24, h: card.h - 16 };
      add(podiumView(scene, inset, podium, tr("podium.title"), L.compact ? 0.8 : 1).container);
    } else if (info) {
      add(noteCard(scene, card, info.name, info.desc, BUCKET_COLORS[info.id], true));
      const close = { x: card.x + card.w - 44, y: card.y + 4, w: 40, h: 32 };
      add(
        canvasButton(scene, {
          ...close,
          label: "×",
          size: 20,
          fill: COLORS.textDim,
          outline: true,
          onClick: p.handlers.closeInfo,
        }),
      );
      p.spots.push({
        key: "close-info",
        rect: close,
        label: tr("board.infoClose", { lever: info.name }),
        enabled: true,
        run: p.handlers.closeInfo,
      });
    } else if (coach) add(noteCard(scene, card, tr("hint.title"), coach.text, COLORS.accent, true));
    else add(eventCard(scene, card, announced, tr("board.event")));
  }
  if (strip) {
    const r = { x: L.card.x, y: L.card.y + L.card.h - strip, w: L.card.w, h: strip };
    add(forecastStrip(scene, r, tr("board.forecastDraft"), gauges, (g) => tr(`gauge.${g.id}`)));
  }

  let results: BoardDrawn["results"] = null;
  const rows = leaderboard(lang, teams, teamId);
  if (showDecide && m.stage === "results" && m.last) {
    const reasons = reasonsModel(lang, m.last.reasons);
    const area = L.compact
      ? { x: L.decide.x, y: L.decide.y, w: L.decide.w, h: L.submit.y + L.submit.h - L.decide.y }
      : { x: L.decide.x, y: L.decide.y, w: L.decide.w, h: L.submit.y + L.submit.h - L.decide.y };
    const notes: string[] = [];
    const forced = forcedNote(lang, m.last.forced);
    if (forced) notes.push(forced);
    // Said as what happened, not as a category.
    if (m.last.decisionSource === "draft" || m.last.decisionSource === "default")
      notes.push(tr(`board.source.${m.last.decisionSource}`));
    const last = view.turn >= view.turnsTotal;
    const split = scoreSplit(lang, m.last);
    if (split) notes.push(split);
    if (solo)
      p.spots.push({
        key: "primary",
        rect: resultsActionRect(area, L.compact),
        label: tr(last ? "board.toDebrief" : "board.continue"),
        enabled: true,
        run: p.handlers.next,
      });
    const card: ResultsCardModel = {
      heading: tr("board.reasons"),
      title: tr("board.results", { q: m.last.turn }),
      columns: gauges.map((g, i) => ({
        gauge: g,
        label: tr(`gauge.${g.id}`),
        reasons: reasons[i]?.lines ?? [],
      })),
      notes,
      action: solo
        ? { label: tr(last ? "board.toDebrief" : "board.continue"), onClick: p.handlers.next }
        : null,
      // The last quarter promises the debrief, not a next quarter.
      waiting: tr(last ? "board.resultsWaitLast" : "board.resultsWait"),
      decisions: {
        height: decisionsTableHeight(teams.length),
        minHeight: decisionsTableMinHeight(teams.length),
        draw: (r) => decisionsTableView(scene, r, decisionsOptions),
      },
    };
    // The text alternative lists the same decisions; it has no widths to fit, so any will do.
    results = { card, decisions: decisionsTable(lang, teams, teamId, 1, () => 0) };
    add(resultsCard(scene, area, card, L.compact));
  } else if (showDecide) {
    drawDecide(scene, add, L, m, p, tr, engagementNow, trustNow);
  }

  if (!L.compact || tab === "gauges") {
    const r = L.gauges;
    const rowH = (r.h - (L.compact ? 0 : 0)) / 3;
    const withReasons = L.compact && m.last !== null;
    const reasons = m.last ? reasonsModel(lang, m.last.reasons) : [];
    gauges.forEach((g, i) => {
      add(
        gaugeRow(
          scene,
          { x: r.x, y: r.y + i * rowH + 4, w: r.w, h: rowH - 18 },
          g,
          tr(`gauge.${g.id}`),
          tr(`gauge.${g.id}.hint`),
          view.turnsTotal,
          withReasons ? (reasons[i]?.lines ?? []) : [],
        ),
      );
    });
  }
  if (!L.compact || tab === "ranking") {
    // Phones: the revealed decisions sit under the ranking, once a quarter has been played.
    let rankArea = L.ranking;
    if (L.compact && view.turn > 0) {
      const tableH = decisionsTableHeight(teams.length);
      const rankH = Math.max(120, Math.min(L.ranking.h - tableH - 24, 66 + teams.length * 44));
      rankArea = { ...L.ranking, h: rankH };
      const table = decisionsTableView(
        scene,
        { x: L.ranking.x, y: L.ranking.y + rankH + 20, w: L.ranking.w, h: tableH },
        decisionsOptions,
      );
      if (table) add(table);
    }
    add(
      leaderboardTable(
        scene,
        rankArea,
        rows,
        {
          title: tr("rank.title"),
          kpi: tr("rank.kpi"),
          score: tr("rank.score"),
          you: tr("common.you"),
        },
        { showSubmitted: view.phase === "decision" },
      ),
    );
  }
  if (L.tabs) {
    const tabs = [
      { id: "decide" as BoardTab, label: tr("board.tab.decide") },
      {
        id: "gauges" as BoardTab,
        label: tr("board.tab.gauges"),
        badge: m.stage === "results" && tab !== "gauges",
      },
      { id: "ranking" as BoardTab, label: tr("board.tab.ranking") },
    ];
    add(tabBar(scene, L.tabs, tabs, tab, p.handlers.tab));
    tabRects(L.tabs, tabs.length).forEach((rect, i) => {
      const t = tabs[i];
      if (t)
        p.spots.push({
          key: `tab-${t.id}`,
          rect,
          label: t.label,
          enabled: true,
          current: t.id === tab,
          run: () => p.handlers.tab(t.id),
        });
    });
  }
  const cards = coach ? [{ title: tr("hint.title"), text: coach.text }] : announced;
  return { digits, gauges, ranking: rows, results, cards };
}
