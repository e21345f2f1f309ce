/**
 * Beside the decision (or on a phone, behind its tabs): the team's gauges, the ranking with the
 * revealed decisions under it on a phone, and the phone's tab bar.
 */
import { tabRects } from "../../viewmodels/controls";
import type { BoardTab } from "../../viewmodels/layout";
import { reasonsModel } from "../../viewmodels/reasons";
import { decisionsTableHeight, decisionsTableView } from "../../draw/decisionsTable";
import { gaugeRow } from "../../draw/gauge";
import { leaderboardTable } from "../../draw/leaderboard";
import { tabBar } from "../../draw/tabs";
import type { BoardContext } from "./context";

export function drawSide(ctx: BoardContext): void {
  const compact = ctx.layout.compact;
  if (!compact || ctx.tab === "gauges") drawGauges(ctx);
  if (!compact || ctx.tab === "ranking") drawRanking(ctx);
  if (ctx.layout.tabs) drawTabs(ctx);
}

/** The three gauges, one row each; on a phone each with its reasons once a quarter resolved. */
function drawGauges(ctx: BoardContext): void {
  const { layout, model, params, translate } = ctx;
  const area = layout.gauges;
  const rowHeight = area.h / 3;
  const withReasons = layout.compact && model.last !== null;
  const reasons = model.last ? reasonsModel(params.language, model.reasons) : [];
  ctx.gauges.forEach((gauge, i) => {
    const rect = { x: area.x, y: area.y + i * rowHeight + 4, w: area.w, h: rowHeight - 18 };
    ctx.add(
      gaugeRow(
        ctx.scene,
        rect,
        gauge,
        translate(`gauge.${gauge.id}`),
        translate(`gauge.${gauge.id}.hint`),
        params.view.turnsTotal,
        withReasons ? (reasons[i]?.lines ?? []) : [],
      ),
    );
  });
}

function drawRanking(ctx: BoardContext): void {
  const { layout, params, translate } = ctx;
  // Phones: the revealed decisions sit under the ranking, once a quarter has been played.
  const area = layout.compact && params.view.turn > 0 ? rankingAboveDecisions(ctx) : layout.ranking;
  const labels = {
    title: translate("rank.title"),
    kpi: translate("rank.kpi"),
    score: translate("rank.score"),
    you: translate("common.you"),
  };
  const options = { showSubmitted: params.view.phase === "decision" };
  ctx.add(leaderboardTable(ctx.scene, area, ctx.ranking, labels, options));
}

/** Draws the phone's decisions table under the ranking; returns the ranking's shortened area. */
function rankingAboveDecisions(ctx: BoardContext): BoardContext["layout"]["ranking"] {
  const ranking = ctx.layout.ranking;
  const count = ctx.teams.length;
  const tableHeight = decisionsTableHeight(count);
  const height = Math.max(120, Math.min(ranking.h - tableHeight - 24, 66 + count * 44));
  const rect = { x: ranking.x, y: ranking.y + height + 20, w: ranking.w, h: tableHeight };
  const table = decisionsTableView(ctx.scene, rect, ctx.decisionsOptions);
  if (table) ctx.add(table);
  return { ...ranking, h: height };
}

/** The phone's tabs, each also a button for keyboards and screen readers. */
function drawTabs(ctx: BoardContext): void {
  const { layout, model, params, translate, tab: current } = ctx;
  if (!layout.tabs) return;
  const tabs: { id: BoardTab; label: string; badge?: boolean }[] = [
    { id: "decide", label: translate("board.tab.decide") },
    {
      id: "gauges",
      label: translate("board.tab.gauges"),
      badge: model.stage === "results" && current !== "gauges",
    },
    { id: "ranking", label: translate("board.tab.ranking") },
  ];
  ctx.add(tabBar(ctx.scene, layout.tabs, tabs, current, params.handlers.tab));
  tabRects(layout.tabs, tabs.length).forEach((rect, i) => {
    const tab = tabs[i];
    if (tab)
      params.spots.push({
        key: `tab-${tab.id}`,
        rect,
        label: tab.label,
        enabled: true,
        current: tab.id === current,
        run: () => params.handlers.tab(tab.id),
      });
  });
}
