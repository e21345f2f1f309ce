/**
 * The projector board, for a room screen: the join code and QR while people arrive, then the
 * quarter's card, who has submitted, every team's gauges and the KPI-versus-score ranking.
 * It only ever reads public data (the projector connection receives no drafts anyway).
 */
import type Phaser from "phaser";
import type { TeamInsights } from "../../../shared/analysis/insights";
import type { Language } from "../../../shared/protocol/messages";
import type { ClientView } from "../net/normalize";
import { translate } from "../i18n/index";
import { findScenario } from "../scenarios";
import { COLORS, teamColor } from "../theme";
import { askedTeams } from "../viewmodels/credit";
import { eventCards } from "../viewmodels/eventCards";
import { submissions } from "../viewmodels/facilitator";
import { GAUGE_IDS, gaugeModels, gaugeScale, startPoint } from "../viewmodels/gauges";
import { leaderboard } from "../viewmodels/leaderboard";
import { reasonsModel } from "../viewmodels/reasons";
import { timerModel } from "../viewmodels/timer";
import { currentQuarter, trackModel } from "../viewmodels/track";
import { eventCard } from "../draw/eventCard";
import { GAUGE_COLORS, sparkline } from "../draw/gauge";
import { leaderboardTable } from "../draw/leaderboard";
import { panel } from "../draw/panel";
import { fit, text } from "../draw/text";
import { timerBadge } from "../draw/timerBadge";
import { quarterTrack } from "../draw/track";
import { decisionsTableHeight, decisionsTableView } from "../draw/decisionsTable";
import { podiumView } from "../draw/podium";
import { finalPodium } from "../viewmodels/reveal";
import { answeredPill, projectorVerdict, teamCredit } from "./projectorDebrief";
import { projectorLobby } from "./projectorLobby";
import {
  PROJECTOR_COMPACT_WIDTH,
  projectorCompact,
  projectorLobbyCompact,
} from "./projectorCompact";
import { TOP_BAR } from "../viewmodels/layout";

export interface ProjectorParams {
  width: number;
  height: number;
  language: Language;
  view: ClientView;
  qrKey: string | null;
  host: string;
  /** The server's current time, for the countdown. */
  now: number;
  /** The debrief's attribution, once computed (debrief and ended only). */
  insights: readonly TeamInsights[] | null;
}

type Add = (...o: Phaser.GameObjects.GameObject[]) => void;

export function drawProjector(
  scene: Phaser.Scene,
  root: Phaser.GameObjects.Container,
  p: ProjectorParams,
): Phaser.GameObjects.Text | null {
  const add: Add = (...o) => root.add(o);
  const { width: w, height: h, view, language: lang } = p;
  const tr = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) =>
    translate(lang, k, v);
  const s = Math.max(0.5, Math.min(w / 1920, h / 1080));
  const compact = w < PROJECTOR_COMPACT_WIDTH;
  if (view.phase === "lobby") {
    if (compact) projectorLobbyCompact(scene, add, p, tr);
    else projectorLobby(scene, add, p, s, tr);
    return null;
  }
  if (compact) return projectorCompact(scene, add, p, tr);
  const pad = 40 * s;
  // Below the top bar at every size (its 52 px do not scale with the screen).
  const top = TOP_BAR + 12 * s;
  const teams = Object.values(view.teams);
  const scenario = findScenario(view.scenarioId);
  // Header: track, quarter, clock.
  const track = trackModel(
    view.phase,
    view.turn,
    view.turnsTotal,
    (teams[0]?.history ?? []).map((r) => r.events),
    view.event,
  );
  add(
    quarterTrack(scene, { x: pad, y: top, w: w * 0.45, h: 56 * s }, track, (y) =>
      tr("common.year", { y }),
    ),
  );
  const q = currentQuarter(view.phase, view.turn, view.turnsTotal);
  add(
    text(scene, w * 0.5, top, `${tr("common.quarterOf", { q, total: view.turnsTotal })}`, {
      size: 40 * s,
      weight: "bold",
    }),
  );
  add(
    text(scene, w * 0.5, top + 52 * s, tr(`phase.${view.phase}`), {
      size: 26 * s,
      color: COLORS.accent,
      weight: "bold",
    }),
  );
  let digits: Phaser.GameObjects.Text | null = null;
  const timer = timerModel(view, p.now);
  if (timer.active) {
    const badge = timerBadge(
      scene,
      w - pad,
      top - 8 * s,
      timer,
      timer.paused ? tr("board.paused") : tr("board.timeLeft"),
      72 * s,
    );
    add(badge.container);
    digits = badge.digits;
  }
  const bodyY = top + 130 * s;
  const leftW = w * 0.32;
  const cardH = 300 * s;
  const over = view.phase === "debrief" || view.phase === "ended";
  const debrief = { language: lang, view, insights: p.insights, s };
  const cardRect = { x: pad, y: bodyY, w: leftW, h: cardH };
  if (over) projectorVerdict(scene, add, cardRect, debrief);
  else
    add(eventCard(scene, cardRect, eventCards(lang, view.event), tr("board.event"), 1.5 * s + 0.3));
  const rankY = bodyY + cardH + 30 * s;
  if (view.phase === "decision") {
    const subs = submissions(view);
    add(
      text(scene, pad, rankY, tr("proj.teamsReady", { n: subs.submitted, total: subs.total }), {
        size: 30 * s,
        weight: "bold",
      }),
    );
  }
  const rows = leaderboard(lang, teams, null);
  const rankTop = view.phase === "decision" ? rankY + 60 * s : rankY;
  add(
    leaderboardTable(
      scene,
      { x: pad, y: rankTop, w: leftW, h: h - rankTop - pad },
      rows,
      {
        title:
          view.phase === "debrief" || view.phase === "ended" ? tr("proj.final") : tr("rank.title"),
        kpi: tr("rank.kpi"),
        score: tr("rank.score"),
        you: "",
      },
      { showSubmitted: view.phase === "decision", scale: 1.4 * s + 0.2 },
    ),
  );
  // Team panels: each team's three gauges with their history.
  const gx = pad * 2 + leftW;
  const gw = w - gx - pad;
  const cols = teams.length <= 4 ? 2 : teams.length <= 6 ? 3 : 4;
  const rowsN = Math.ceil(teams.length / cols);
  const cellW = gw / cols;
  // After a reveal, the decisions every team played sit under the panels.
  const tableScale = 1.6 * s;
  const tableH = view.phase === "results" ? decisionsTableHeight(teams.length, tableScale) : 0;
  const panelsBottom = h - pad - (tableH ? tableH + 24 * s : 0);
  if (tableH) {
    const table = decisionsTableView(
      scene,
      { x: gx, y: panelsBottom + 16 * s, w: gw - 20 * s, h: tableH },
      {
        language: lang,
        teams,
        myTeamId: null,
        scale: tableScale,
        report: (boxes) => {
          const hooks = window.__elan;
          if (hooks) hooks.decisionsHeaders = { scene: scene.scene.key, boxes };
        },
      },
    );
    if (table) add(table);
  }
  // The last quarter ends on the podium, large, where the team panels were.
  const podium = view.phase === "results" ? finalPodium(lang, view, null) : [];
  if (podium.length > 0) {
    const area = { x: gx + gw * 0.1, y: bodyY, w: gw * 0.8, h: panelsBottom - bodyY };
    add(podiumView(scene, area, podium, tr("podium.title"), 2 * s).container);
    add(
      text(scene, w - pad, h - 14 * s, `${p.host} · ${view.code}`, {
        size: 20 * s,
        color: COLORS.textFaint,
        align: "right",
      }).setOrigin(1, 1),
    );
    return digits;
  }
  const cellH = (panelsBottom - bodyY) / rowsN;
  const scales = {
    reach: gaugeScale(
      "reach",
      teams.map((t) => t.history),
    ),
    engagement: gaugeScale(
      "engagement",
      teams.map((t) => t.history),
    ),
  };
  const asked = new Set(askedTeams(view).map((t) => t.id));
  teams.forEach((team, i) => {
    const x = gx + (i % cols) * cellW;
    const y = bodyY + Math.floor(i / cols) * cellH;
    const r = { x, y, w: cellW - 20 * s, h: cellH - 20 * s };
    add(panel(scene, r, { border: teamColor(i), borderAlpha: 0.6 }));
    const name = text(scene, r.x + 20 * s, r.y + 14 * s, team.name, {
      size: 28 * s,
      weight: "bold",
      color: teamColor(i),
    });
    add(name);
    // The name stops where the pill on its right begins (✓ beside a long name, never over it).
    const nameRoom = (pillW: number) => fit(name, r.w - 40 * s - (pillW ? pillW + 14 * s : 0));
    nameRoom(0);
    if (view.phase === "decision") {
      // Who has decided, readable from the back of the room.
      const done = team.submitted;
      const pill = text(
        scene,
        r.x + r.w - 20 * s,
        r.y + 18 * s,
        done ? `✓ ${tr("fac.submitted")}` : tr("fac.pending"),
        {
          size: 20 * s,
          weight: "bold",
          color: done ? COLORS.accent : COLORS.textFaint,
        },
      ).setOrigin(1, 0);
      add(pill);
      nameRoom(pill.width);
    }
    if (view.phase === "debrief" && !view.revealed && asked.has(team.id)) {
      const pill = answeredPill(scene, r.x + r.w - 20 * s, r.y + 18 * s, team.predicted, debrief);
      add(pill);
      nameRoom(pill.width);
    }
    const credit = view.revealed ? p.insights?.find((c) => c.teamId === team.id) : undefined;
    if (over && credit) {
      const inner = { x: r.x + 20 * s, y: r.y + 60 * s, w: r.w - 40 * s, h: r.h - 76 * s };
      teamCredit(scene, add, inner, credit, debrief);
      return;
    }
    const gauges = gaugeModels(lang, team.history, startPoint(scenario), { scales });
    // After a reveal, the room reads each gauge's main reason under it.
    const last = team.history[team.history.length - 1];
    const why = view.phase === "results" && last ? reasonsModel(lang, last.reasons, 1) : [];
    const lineH = (r.h - 70 * s) / GAUGE_IDS.length;
    gauges.forEach((g, k) => {
      const ly = r.y + 64 * s + k * lineH;
      const inner = { x: r.x + 20 * s, w: r.w - 40 * s };
      add(text(scene, inner.x, ly, tr(`gauge.${g.id}`), { size: 19 * s, color: COLORS.textDim }));
      const value = text(scene, inner.x + inner.w, ly - 6 * s, g.display, {
        size: 30 * s,
        weight: "bold",
        color: GAUGE_COLORS[g.id],
      }).setOrigin(1, 0);
      add(value);
      if (g.deltaDisplay) {
        add(
          text(scene, inner.x + inner.w - value.width - 12 * s, ly + 4 * s, g.deltaDisplay, {
            size: 16 * s,
            weight: "bold",
            color: g.delta > 0 ? COLORS.accent : g.delta < 0 ? COLORS.danger : COLORS.textFaint,
          }).setOrigin(1, 0),
        );
      }
      const gr = scene.add.graphics();
      const barY = ly + 36 * s;
      gr.fillStyle(COLORS.backgroundDeep, 1);
      gr.fillRoundedRect(inner.x, barY, inner.w, 8 * s, 4 * s);
      gr.fillStyle(GAUGE_COLORS[g.id], 1);
      if (g.fill > 0.004)
        gr.fillRoundedRect(inner.x, barY, Math.max(8 * s, inner.w * g.fill), 8 * s, 4 * s);
      const reason = why[k]?.lines[0];
      const sparkH = Math.min(120 * s, lineH - (reason ? 92 : 64) * s);
      if (sparkH > 10) {
        const spark = { x: inner.x, y: barY + 16 * s, w: inner.w, h: sparkH };
        sparkline(gr, spark, g.spark, GAUGE_COLORS[g.id], view.turnsTotal + 1);
      }
      add(gr);
      if (reason) {
        const line = text(
          scene,
          inner.x,
          barY + 24 * s + sparkH,
          `${reason.display}  ${reason.label}`,
          {
            size: 17 * s,
            color: reason.positive ? COLORS.accent : COLORS.danger,
          },
        );
        add(fit(line, inner.w));
      }
    });
  });
  // Latecomers can still join: the code stays in a corner.
  add(
    text(scene, w - pad, h - 14 * s, `${p.host} · ${view.code}`, {
      size: 20 * s,
      color: COLORS.textFaint,
      align: "right",
    }).setOrigin(1, 1),
  );
  return digits;
}
