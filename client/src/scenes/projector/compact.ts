/**
 * The projector on a narrow screen (a phone or a portrait window following the room from
 * afar): one column, in the order the room reads it — the quarter and its clock, the quarter's
 * card, who has decided, the ranking, then the revealed decisions or the podium. The team panels
 * of the wide layout need a landscape screen; the ranking and the board's tables say the same.
 */
import { translatePlural } from "../../i18n/index";
import type Phaser from "phaser";
import { COLORS, teamColor } from "../../theme";
import { eventCards } from "../../viewmodels/eventCards";
import { lobbyTeams, submissions } from "../../viewmodels/facilitator";
import { TOP_BAR } from "../../viewmodels/layout";
import { leaderboard } from "../../viewmodels/leaderboard";
import { finalPodium } from "../../viewmodels/reveal";
import { timerModel } from "../../viewmodels/timer";
import { currentQuarter } from "../../viewmodels/track";
import { decisionsTableHeight, decisionsTableView } from "../../draw/decisionsTable";
import { eventCard } from "../../draw/eventCard";
import { leaderboardTable } from "../../draw/leaderboard";
import { podiumView } from "../../draw/podium";
import { fit, text } from "../../draw/text";
import { timerBadge } from "../../draw/timerBadge";
import { lobbyPlayers, type ProjectorContext } from "./context";

const PAD = 16;

/** The join code, the QR and the teams, stacked. */
export function drawLobbyCompact(ctx: ProjectorContext): void {
  const { scene, params, translate } = ctx;
  const inner = params.width - 2 * PAD;
  let y = TOP_BAR + 20;
  const title = fit(
    text(scene, PAD, y, translate("proj.join"), { size: 24, weight: "bold" }),
    inner,
  );
  ctx.add(title);
  y += title.height + 4;
  // As large as the width allows: six characters of a bold font are about 4.2 em wide.
  const code = text(scene, PAD, y, ctx.view.code, {
    size: Math.min(96, inner / 4.4),
    weight: "bold",
    color: COLORS.accent,
  });
  ctx.add(fit(code, inner));
  y += code.height + 4;
  const scan = text(scene, PAD, y, translate("proj.scan", { host: params.host }), {
    size: 15,
    color: COLORS.textDim,
    wrap: inner,
  });
  ctx.add(scan);
  y += scan.height + 12;
  if (params.qrKey) {
    const size = Math.min(180, inner * 0.5, params.height * 0.25);
    ctx.add(scene.add.image(PAD + size / 2, y + size / 2, params.qrKey).setDisplaySize(size, size));
    y += size + 16;
  }
  drawLobbyTeams(ctx, y);
}

/** A team a line pair (its name, its players), as many as the screen holds. */
function drawLobbyTeams(ctx: ProjectorContext, top: number): void {
  const inner = ctx.params.width - 2 * PAD;
  let y = top;
  for (const team of lobbyTeams(ctx.view)) {
    if (y + 44 > ctx.params.height - PAD) break;
    const name = text(ctx.scene, PAD, y, team.name, {
      size: 17,
      weight: "bold",
      color: teamColor(team.colorIndex),
    });
    const players = text(ctx.scene, PAD, y + 22, lobbyPlayers(team, ctx.translate), {
      size: 14,
      color: team.players.length ? COLORS.text : COLORS.textFaint,
    });
    ctx.add(fit(name, inner), fit(players, inner));
    y += 48;
  }
}

/** The game in one column; returns the clock's digits for the scene to tick. */
export function drawGameCompact(ctx: ProjectorContext): Phaser.GameObjects.Text | null {
  const clock = drawClockCompact(ctx);
  drawQuarterCompact(ctx, clock.width);
  let y = TOP_BAR + 12 + 62;
  if (!ctx.over) y = drawEventCardCompact(ctx, y);
  if (ctx.view.phase === "decision") y = drawReadyCompact(ctx, y);
  drawRankingAndBelow(ctx, y);
  return clock.digits;
}

function drawClockCompact(ctx: ProjectorContext): {
  digits: Phaser.GameObjects.Text | null;
  width: number;
} {
  const timer = timerModel(ctx.view, ctx.params.now);
  if (!timer.active) return { digits: null, width: 0 };
  const caption = timer.paused ? ctx.translate("board.paused") : ctx.translate("board.timeLeft");
  const badge = timerBadge(ctx.scene, ctx.params.width - PAD, TOP_BAR + 12, timer, caption, 30);
  ctx.add(badge.container);
  return { digits: badge.digits, width: Math.max(badge.digits.width, 90) + 12 };
}

/** The quarter and its phase, stopping short of the clock. */
function drawQuarterCompact(ctx: ProjectorContext, clockWidth: number): void {
  const { scene, view, translate } = ctx;
  const room = ctx.params.width - 2 * PAD - clockWidth;
  const y = TOP_BAR + 12;
  const q = currentQuarter(view.phase, view.turn, view.turnsTotal);
  const title = translate("common.quarterOf", { q, total: view.turnsTotal });
  const quarter = text(scene, PAD, y, title, { size: 20, weight: "bold" });
  ctx.add(fit(quarter, room));
  const phase = text(scene, PAD, y + quarter.height + 2, translate(`phase.${view.phase}`), {
    size: 15,
    color: COLORS.accent,
    weight: "bold",
  });
  ctx.add(fit(phase, room));
}

/** Returns the y under the card. */
function drawEventCardCompact(ctx: ProjectorContext, y: number): number {
  const { width, height } = ctx.params;
  const cardHeight = Math.min(150, height * 0.2);
  const rect = { x: PAD, y, w: width - 2 * PAD, h: cardHeight };
  const cards = eventCards(ctx.language, ctx.view.event);
  ctx.add(eventCard(ctx.scene, rect, cards, ctx.translate("board.event")));
  return y + cardHeight + 14;
}

/** "2 / 3 teams ready"; returns the y under it. */
function drawReadyCompact(ctx: ProjectorContext, y: number): number {
  const subs = submissions(ctx.view);
  const label = translatePlural(ctx.language, "proj.teamsReady", subs.submitted, {
    n: subs.submitted,
    total: subs.total,
  });
  const line = text(ctx.scene, PAD, y, label, { size: 17, weight: "bold" });
  ctx.add(fit(line, ctx.params.width - 2 * PAD));
  return y + line.height + 10;
}

/** The ranking, then the podium (last quarter) or the revealed decisions under it. */
function drawRankingAndBelow(ctx: ProjectorContext, top: number): void {
  const { scene, view, teams, language, translate } = ctx;
  const { width, height } = ctx.params;
  const inner = width - 2 * PAD;
  const podium = view.phase === "results" ? finalPodium(language, view, null) : [];
  const tableHeight =
    view.phase === "results" && podium.length === 0 ? decisionsTableHeight(teams.length) : 0;
  const below =
    podium.length > 0 ? Math.min(260, height * 0.35) : tableHeight ? tableHeight + 20 : 0;
  const rankHeight = Math.max(80, Math.min(60 + teams.length * 44, height - PAD - top - below));
  const labels = {
    title: ctx.over ? translate("proj.final") : translate("rank.title"),
    kpi: translate("rank.kpi"),
    score: translate("rank.score"),
    you: "",
  };
  ctx.add(
    leaderboardTable(
      scene,
      { x: PAD, y: top, w: inner, h: rankHeight },
      leaderboard(language, teams, null),
      labels,
      { showSubmitted: view.phase === "decision" },
    ),
  );
  const y = top + rankHeight + 16;
  if (podium.length > 0) {
    const rect = { x: PAD, y, w: inner, h: below };
    ctx.add(podiumView(scene, rect, podium, translate("podium.title"), 0.8).container);
  } else if (tableHeight) {
    const rect = { x: PAD, y, w: inner, h: tableHeight };
    const table = decisionsTableView(scene, rect, { language, teams, myTeamId: null });
    if (table) ctx.add(table);
  }
}
