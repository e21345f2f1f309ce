/**
 * The projector on a narrow screen (a phone or a portrait window following the room from
 * afar): one column, in the order the room reads it — the quarter and its clock, the quarter's
 * card, who has decided, the ranking, then the revealed decisions or the podium. The team panels
 * of the wide layout need a landscape screen; the ranking and the board's tables say the same.
 */
import type Phaser from "phaser";
import type { translate } from "../i18n/index";
import { COLORS, teamColor } from "../theme";
import { eventCards } from "../viewmodels/eventCards";
import { lobbyTeams, submissions } from "../viewmodels/facilitator";
import { TOP_BAR } from "../viewmodels/layout";
import { leaderboard } from "../viewmodels/leaderboard";
import { finalPodium } from "../viewmodels/reveal";
import { timerModel } from "../viewmodels/timer";
import { currentQuarter } from "../viewmodels/track";
import { decisionsTableHeight, decisionsTableView } from "../draw/decisionsTable";
import { eventCard } from "../draw/eventCard";
import { leaderboardTable } from "../draw/leaderboard";
import { podiumView } from "../draw/podium";
import { fit, text } from "../draw/text";
import { timerBadge } from "../draw/timerBadge";
import type { ProjectorParams } from "./projectorView";

type Add = (...o: Phaser.GameObjects.GameObject[]) => void;
type Tr = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => string;

/** Narrower than this, the projector draws one column. */
export const PROJECTOR_COMPACT_WIDTH = 760;

const PAD = 16;

/** The join code, the QR and the teams, stacked. */
export function projectorLobbyCompact(scene: Phaser.Scene, add: Add, p: ProjectorParams, tr: Tr) {
  const { width: w, height: h, view } = p;
  const inner = w - 2 * PAD;
  let y = TOP_BAR + 20;
  const title = fit(text(scene, PAD, y, tr("proj.join"), { size: 24, weight: "bold" }), inner);
  add(title);
  y += title.height + 4;
  // As large as the width allows: six characters of a bold font are about 4.2 em wide.
  const code = text(scene, PAD, y, view.code, {
    size: Math.min(96, inner / 4.4),
    weight: "bold",
    color: COLORS.accent,
  });
  add(fit(code, inner));
  y += code.height + 4;
  const scan = text(scene, PAD, y, tr("proj.scan", { host: p.host }), {
    size: 15,
    color: COLORS.textDim,
    wrap: inner,
  });
  add(scan);
  y += scan.height + 12;
  if (p.qrKey) {
    const size = Math.min(180, inner * 0.5, h * 0.25);
    add(scene.add.image(PAD + size / 2, y + size / 2, p.qrKey).setDisplaySize(size, size));
    y += size + 16;
  }
  for (const team of lobbyTeams(view)) {
    if (y + 44 > h - PAD) break;
    add(
      fit(
        text(scene, PAD, y, team.name, {
          size: 17,
          weight: "bold",
          color: teamColor(team.colorIndex),
        }),
        inner,
      ),
    );
    const names = team.players.length
      ? team.players.map((pl) => pl.name).join(", ")
      : team.bot
        ? tr("lobby.bot")
        : tr("lobby.empty");
    add(
      fit(
        text(scene, PAD, y + 22, names, {
          size: 14,
          color: team.players.length ? COLORS.text : COLORS.textFaint,
        }),
        inner,
      ),
    );
    y += 48;
  }
}

/** The game in one column; returns the clock's digits for the scene to tick. */
export function projectorCompact(
  scene: Phaser.Scene,
  add: Add,
  p: ProjectorParams,
  tr: Tr,
): Phaser.GameObjects.Text | null {
  const { width: w, height: h, view, language: lang } = p;
  const inner = w - 2 * PAD;
  const teams = Object.values(view.teams);
  let y = TOP_BAR + 12;
  let digits: Phaser.GameObjects.Text | null = null;
  let clockW = 0;
  const timer = timerModel(view, p.now);
  if (timer.active) {
    const caption = timer.paused ? tr("board.paused") : tr("board.timeLeft");
    const badge = timerBadge(scene, w - PAD, y, timer, caption, 30);
    add(badge.container);
    digits = badge.digits;
    clockW = Math.max(badge.digits.width, 90) + 12;
  }
  const q = currentQuarter(view.phase, view.turn, view.turnsTotal);
  const quarter = text(scene, PAD, y, tr("common.quarterOf", { q, total: view.turnsTotal }), {
    size: 20,
    weight: "bold",
  });
  add(fit(quarter, inner - clockW));
  add(
    fit(
      text(scene, PAD, y + quarter.height + 2, tr(`phase.${view.phase}`), {
        size: 15,
        color: COLORS.accent,
        weight: "bold",
      }),
      inner - clockW,
    ),
  );
  y += 62;
  const over = view.phase === "debrief" || view.phase === "ended";
  if (!over) {
    const cardH = Math.min(150, h * 0.2);
    add(
      eventCard(
        scene,
        { x: PAD, y, w: inner, h: cardH },
        eventCards(lang, view.event),
        tr("board.event"),
      ),
    );
    y += cardH + 14;
  }
  if (view.phase === "decision") {
    const subs = submissions(view);
    const line = text(
      scene,
      PAD,
      y,
      tr("proj.teamsReady", { n: subs.submitted, total: subs.total }),
      {
        size: 17,
        weight: "bold",
      },
    );
    add(fit(line, inner));
    y += line.height + 10;
  }
  const podium = view.phase === "results" ? finalPodium(lang, view, null) : [];
  const tableH =
    view.phase === "results" && podium.length === 0 ? decisionsTableHeight(teams.length) : 0;
  const below = podium.length > 0 ? Math.min(260, h * 0.35) : tableH ? tableH + 20 : 0;
  const rankH = Math.max(80, Math.min(60 + teams.length * 44, h - PAD - y - below));
  add(
    leaderboardTable(
      scene,
      { x: PAD, y, w: inner, h: rankH },
      leaderboard(lang, teams, null),
      {
        title: over ? tr("proj.final") : tr("rank.title"),
        kpi: tr("rank.kpi"),
        score: tr("rank.score"),
        you: "",
      },
      { showSubmitted: view.phase === "decision" },
    ),
  );
  y += rankH + 16;
  if (podium.length > 0) {
    add(
      podiumView(scene, { x: PAD, y, w: inner, h: below }, podium, tr("podium.title"), 0.8)
        .container,
    );
  } else if (tableH) {
    const table = decisionsTableView(
      scene,
      { x: PAD, y, w: inner, h: tableH },
      {
        language: lang,
        teams,
        myTeamId: null,
      },
    );
    if (table) add(table);
  }
  return digits;
}
