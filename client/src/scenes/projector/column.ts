/**
 * The wide projector's left column during the game: the quarter's card, how many teams are
 * ready, the ranking. (In the debrief the verdict takes the card's place: debrief.ts.)
 */
import { translatePlural } from "../../i18n/index";
import { eventCards } from "../../viewmodels/eventCards";
import { submissions } from "../../viewmodels/facilitator";
import { leaderboard } from "../../viewmodels/leaderboard";
import { eventCard } from "../../draw/eventCard";
import { leaderboardTable } from "../../draw/leaderboard";
import { text } from "../../draw/text";
import type { ProjectorContext } from "./context";

export function drawEventCard(ctx: ProjectorContext): void {
  const cards = eventCards(ctx.language, ctx.view.event);
  const size = 1.5 * ctx.scale + 0.3;
  ctx.add(eventCard(ctx.scene, ctx.frame.card, cards, ctx.translate("board.event"), size));
}

export function drawRanking(ctx: ProjectorContext): void {
  const { view, scale, frame, translate } = ctx;
  const card = frame.card;
  const deciding = view.phase === "decision";
  let top = card.y + card.h + 30 * scale;
  if (deciding) {
    const subs = submissions(view);
    const ready = translatePlural(ctx.language, "proj.teamsReady", subs.submitted, {
      n: subs.submitted,
      total: subs.total,
    });
    ctx.add(text(ctx.scene, frame.pad, top, ready, { size: 30 * scale, weight: "bold" }));
    top += 60 * scale;
  }
  const rect = { x: frame.pad, y: top, w: card.w, h: ctx.params.height - top - frame.pad };
  const labels = {
    title: ctx.over ? translate("proj.final") : translate("rank.title"),
    kpi: translate("rank.kpi"),
    score: translate("rank.score"),
    you: "",
  };
  const rows = leaderboard(ctx.language, ctx.teams, null);
  const options = { showSubmitted: deciding, scale: 1.4 * scale + 0.2 };
  ctx.add(leaderboardTable(ctx.scene, rect, rows, labels, options));
}
