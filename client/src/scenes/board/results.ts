/**
 * The results card in the decision area's place once a quarter resolves: each gauge with its
 * reasons, what happened to the decision, the score's split, the revealed decisions and, in
 * solo, the button that goes on.
 */
import { resultsActionRect } from "../../viewmodels/controls";
import { decisionsTable } from "../../viewmodels/decisionsTable";
import { scoreSplit } from "../../viewmodels/metrics";
import { forcedNote, reasonsModel } from "../../viewmodels/reasons";
import {
  decisionsTableHeight,
  decisionsTableMinHeight,
  decisionsTableView,
} from "../../draw/decisionsTable";
import { resultsCard, type ResultsCardModel } from "../../draw/resultsCard";
import type { BoardContext, BoardDrawn, BoardModel } from "./context";

type LastRound = NonNullable<BoardModel["last"]>;

/** Draws the card; returns it (and the decisions) for the text alternative. */
export function drawResults(ctx: BoardContext, last: LastRound): BoardDrawn["results"] {
  const { layout, params, translate, teams } = ctx;
  const { decide, submit } = layout;
  const area = { x: decide.x, y: decide.y, w: decide.w, h: submit.y + submit.h - decide.y };
  const lastQuarter = params.view.turn >= params.view.turnsTotal;
  const actionLabel = translate(lastQuarter ? "board.toDebrief" : "board.continue");
  if (ctx.solo)
    params.spots.push({
      key: "primary",
      rect: resultsActionRect(area, layout.compact),
      label: actionLabel,
      enabled: true,
      run: params.handlers.next,
    });
  const reasons = reasonsModel(params.language, ctx.model.reasons);
  const card: ResultsCardModel = {
    heading: translate("board.reasons"),
    title: translate("board.results", { q: last.turn }),
    columns: ctx.gauges.map((gauge, i) => ({
      gauge,
      label: translate(`gauge.${gauge.id}`),
      reasons: reasons[i]?.lines ?? [],
    })),
    notes: resultNotes(ctx, last),
    action: ctx.solo ? { label: actionLabel, onClick: params.handlers.next } : null,
    // The last quarter promises the debrief, not a next quarter.
    waiting: translate(lastQuarter ? "board.resultsWaitLast" : "board.resultsWait"),
    decisions: {
      height: decisionsTableHeight(teams.length),
      minHeight: decisionsTableMinHeight(teams.length),
      draw: (rect) => decisionsTableView(ctx.scene, rect, ctx.decisionsOptions),
    },
  };
  ctx.add(resultsCard(ctx.scene, area, card, layout.compact));
  // The text alternative lists the same decisions; it has no widths to fit, so any will do.
  const myTeam = params.session.teamId;
  return { card, decisions: decisionsTable(params.language, teams, myTeam, 1, () => 0) };
}

/** What happened to the decision (said as what happened, not as a category), and the score. */
function resultNotes(ctx: BoardContext, last: LastRound): string[] {
  const language = ctx.params.language;
  const notes: string[] = [];
  const forced = forcedNote(language, last.forced);
  if (forced) notes.push(forced);
  if (last.decisionSource === "draft" || last.decisionSource === "default")
    notes.push(ctx.translate(`board.source.${last.decisionSource}`));
  const split = scoreSplit(language, last);
  if (split) notes.push(split);
  return notes;
}
