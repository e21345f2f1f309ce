/**
 * What the projector's canvas shows, said in headings, lines and tables for screen readers:
 * the live room (lobby, the quarter's card, who is ready, the ranking, each team's gauges, the
 * revealed decisions, the podium, the debrief's verdict and credit) and each debrief screen the
 * facilitator picks. Built from the very view-models the canvas is drawn from (leaderboard,
 * gauges, reasons, decisions table, podium, verdict, waterfall) and, for the charts, from
 * chartText's tables over the scene's own replayed game, luck bands and what-if branches (asked
 * through the same cached accessors, never computed twice).
 */
import type { BestChange } from "../../../shared/analysis/bestChanges";
import type { TeamInsights } from "../../../shared/analysis/insights";
import type { LuckBand } from "../../../shared/analysis/luckBand";
import type { GameState } from "../../../shared/model/types";
import type { Language } from "../../../shared/protocol/messages";
import type { DebriefScreen } from "../../../shared/protocol/screens";
import type { QuarterReasons, TeamView } from "../../../shared/protocol/view";
import { translate, translatePlural, type MessageKey, type Params } from "../i18n/index";
import type { ClientView } from "../net/normalize";
import { debriefTables, type ChartTable, type ChartTextInput } from "./chartText";
import {
  answerCount,
  askedTeams,
  bestChangeLines,
  verdictRows,
  waterfall,
  type WaterfallModel,
} from "./credit";
import { decisionsTable } from "./decisionsTable";
import { eventCards } from "./eventCards";
import { lobbyTeams, submissions, type LobbyTeam } from "./facilitator";
import { gaugeModels, gaugeScale, type StartPoint } from "./gauges";
import { leaderboard, type LeaderRow } from "./leaderboard";
import { gameLoopPanel } from "./loops";
import { reasonsModel } from "./reasons";
import { finalPodium, type PodiumPlace } from "./reveal";
import { currentQuarter } from "./track";

export type SaidBlock =
  | { kind: "heading"; text: string }
  | { kind: "text"; text: string }
  | { kind: "table"; table: ChartTable };

type Tr = (key: MessageKey, params?: Params) => string;

const heading = (text: string): SaidBlock => ({ kind: "heading", text });
const line = (text: string): SaidBlock => ({ kind: "text", text });
const table = (t: ChartTable): SaidBlock => ({ kind: "table", table: t });

/** Who plays in a team, as the lobby's panels say it. */
export function lobbyPlayers(team: LobbyTeam, tr: Tr): string {
  if (team.players.length) return team.players.map((player) => player.name).join(", ");
  return team.bot ? tr("lobby.bot") : tr("lobby.empty");
}

/** The ranking as the canvas lists it: name, rank (by score), the quarter's KPI, the score. */
export function rankingText(tr: Tr, title: string, rows: readonly LeaderRow[]): ChartTable {
  return {
    caption: title,
    head: [tr("a11y.team"), tr("a11y.rank"), tr("rank.kpi"), tr("rank.score")],
    rows: rows.map((r) => [r.name, String(r.scoreRank), r.kpiDisplay, r.scoreDisplay]),
  };
}

function podiumText(tr: Tr, title: string, places: readonly PodiumPlace[]): SaidBlock[] {
  return [
    heading(title),
    ...places.map((p) =>
      line(tr("a11y.podiumPlace", { place: p.place, name: p.name, score: p.scoreDisplay })),
    ),
  ];
}

function waterfallText(tr: Tr, team: string, model: WaterfallModel): ChartTable {
  return {
    caption: tr("a11y.creditOf", { team }),
    head: [tr("a11y.lever"), tr("gauge.score")],
    rows: model.bars.map((b) => [b.label, b.display]),
  };
}

export interface LiveTextInput {
  language: Language;
  view: ClientView;
  /** Where participants join (the address the canvas prints). */
  host: string;
  /** The scenario's starting point, for the first quarter's changes. */
  start: StartPoint;
  insights: readonly TeamInsights[] | null;
  /** Every team's reasons for the revealed quarter, asked for on demand (as the canvas). */
  reasons: QuarterReasons | null;
}

/** The live room's screen: the lobby, then the game, then its debrief. */
export function projectorLiveText(i: LiveTextInput): SaidBlock[] {
  const tr: Tr = (key, params) => translate(i.language, key, params);
  const { view } = i;
  if (view.phase === "lobby") {
    return [
      heading(tr("proj.join")),
      line(view.code),
      line(tr("proj.scan", { host: i.host })),
      table({
        caption: tr("a11y.teams"),
        head: [tr("a11y.team"), tr("a11y.players")],
        rows: lobbyTeams(view).map((team) => [team.name, lobbyPlayers(team, tr)]),
      }),
    ];
  }
  const over = view.phase === "debrief" || view.phase === "ended";
  const teams = Object.values(view.teams);
  const q = currentQuarter(view.phase, view.turn, view.turnsTotal);
  const out: SaidBlock[] = [
    heading(tr("common.quarterOf", { q, total: view.turnsTotal })),
    line(tr(`phase.${view.phase}` as MessageKey)),
  ];
  if (over) out.push(...verdictText(i.language, view, i.insights));
  else {
    const cards = eventCards(i.language, view.event);
    out.push(
      heading(tr("board.event")),
      ...cards.map((c) => line(tr("a11y.reason", { label: c.title, value: c.text }))),
    );
  }
  if (view.phase === "decision") {
    const subs = submissions(view);
    out.push(
      line(
        translatePlural(i.language, "proj.teamsReady", subs.submitted, {
          n: subs.submitted,
          total: subs.total,
        }),
      ),
    );
  }
  const ranking = leaderboard(i.language, teams, null);
  out.push(table(rankingText(tr, over ? tr("proj.final") : tr("rank.title"), ranking)));
  const podium = view.phase === "results" ? finalPodium(i.language, view, null) : [];
  if (podium.length) out.push(...podiumText(tr, tr("podium.title"), podium));
  else out.push(...teamsText(i, tr, teams, over));
  if (view.phase === "results" && !podium.length) {
    const revealed = decisionsTable(i.language, teams, null, Infinity, () => 0);
    if (revealed) {
      out.push(
        table({
          caption: revealed.title,
          head: [tr("a11y.team"), ...revealed.columns.map((c) => c.label), tr("a11y.total")],
          rows: revealed.rows.map((row) => [
            row.name,
            ...revealed.columns.map((c) => String(row.tokens[c.id])),
            String(row.total),
          ]),
        }),
      );
    }
  }
  out.push(line(`${i.host} · ${view.code}`));
  return out;
}

/** Each team's panel: its state (decided, answered), then its credit or its gauges. */
function teamsText(
  i: LiveTextInput,
  tr: Tr,
  teams: readonly TeamView[],
  over: boolean,
): SaidBlock[] {
  const { view, language } = i;
  const histories = teams.map((team) => team.history);
  const scales = {
    reach: gaugeScale("reach", histories),
    engagement: gaugeScale("engagement", histories),
  };
  const asked = new Set(askedTeams(view).map((team) => team.id));
  // The quarter's own reasons only (asked for on demand, like the canvas's).
  const revealed = view.phase === "results" && i.reasons?.turn === view.turn ? i.reasons : null;
  const out: SaidBlock[] = [];
  for (const team of teams) {
    out.push(heading(team.name));
    if (view.phase === "decision")
      out.push(line(team.submitted ? tr("fac.submitted") : tr("fac.pending")));
    else if (view.phase === "debrief" && !view.revealed && asked.has(team.id))
      out.push(line(team.predicted ? tr("predict.done") : tr("predict.pending")));
    const credit = over && view.revealed ? i.insights?.find((c) => c.teamId === team.id) : null;
    if (credit) {
      out.push(...creditText(language, tr, team.name, credit));
      continue;
    }
    const gauges = gaugeModels(language, team.history, i.start, { scales });
    const reasons = revealed?.teams[team.id];
    const why = reasons ? reasonsModel(language, reasons, 1) : [];
    out.push(
      table({
        caption: tr("a11y.gaugesOf", { team: team.name }),
        head: [
          tr("a11y.gauge"),
          tr("a11y.value"),
          tr("a11y.change"),
          ...(why.length ? [tr("a11y.mainReason")] : []),
        ],
        rows: gauges.map((g, k) => {
          const reason = why[k]?.lines[0];
          return [
            tr(`gauge.${g.id}` as MessageKey),
            g.display,
            g.deltaDisplay,
            ...(why.length ? [reason ? `${reason.display} ${reason.label}` : ""] : []),
          ];
        }),
      }),
    );
  }
  return out;
}

/** A team's score credited to the levers, its best change and the loops of its game. */
function creditText(language: Language, tr: Tr, name: string, team: TeamInsights): SaidBlock[] {
  const out = [table(waterfallText(tr, name, waterfall(language, team.attribution.total, "game")))];
  const best = bestChangeLines(language, team.bestChanges.slice(0, 1), team.attribution.score)[0];
  if (best) out.push(line(best));
  const loops = gameLoopPanel(language, team.loops);
  if (loops) {
    out.push(
      table({
        caption: `${loops.title} — ${loops.summary}`,
        head: [tr("a11y.loop"), tr("a11y.contribution")],
        rows: loops.edges.map((e) => [e.label, e.display]),
      }),
    );
  }
  return out;
}

/** The debrief's card: the question and how many answered, then predicted vs attributed. */
function verdictText(
  language: Language,
  view: ClientView,
  insights: readonly TeamInsights[] | null,
): SaidBlock[] {
  const tr: Tr = (key, params) => translate(language, key, params);
  if (!view.revealed) {
    const count = answerCount(view);
    return [
      heading(tr("predict.question")),
      line(
        translatePlural(language, "predict.answered", count.answered, {
          n: count.answered,
          total: count.total,
        }),
      ),
    ];
  }
  if (!insights) return [heading(tr("verdict.title")), line(tr("credit.loading"))];
  return [
    heading(tr("verdict.title")),
    table({
      caption: tr("verdict.title"),
      head: [tr("a11y.team"), tr("verdict.predicted"), tr("verdict.attributed"), tr("a11y.seen")],
      rows: verdictRows(language, view, insights).map((row) => [
        row.name,
        row.answerLabel,
        row.topLabel,
        row.match === null ? "" : row.match ? tr("verdict.match") : tr("verdict.miss"),
      ]),
    }),
  ];
}

export interface ShowTextInput {
  language: Language;
  view: ClientView;
  screen: DebriefScreen;
  /** The team the screen is about ("" = every team). */
  team: string;
  /** The game replayed from the log; null while it loads. */
  game: GameState | null;
  insights: readonly TeamInsights[] | null;
  /** A team's luck band (computed once, then kept by the scene). */
  band(teamId: string): LuckBand | null;
  /** A team's best one-token change and the game it would have given. */
  branch(teamId: string): { change: BestChange; game: GameState } | null;
}

/** Whether the screen still waits for the replayed game or the attribution (as drawn). */
export function showWaiting(i: Pick<ShowTextInput, "screen" | "game" | "insights">): boolean {
  const needsGame = i.screen !== "podium" && i.screen !== "verdict";
  const needsInsights = i.screen === "attribution" || i.screen === "whatif";
  return (needsGame && !i.game) || (needsInsights && !i.insights);
}

/** The debrief screen the facilitator picked, with the numbers its chart draws. */
export function projectorShowText(i: ShowTextInput): SaidBlock[] {
  const tr: Tr = (key, params) => translate(i.language, key, params);
  const name = (id: string) => i.view.teams[id]?.name ?? id;
  const title = `${tr(`show.${i.screen}`)}${i.team ? ` · ${name(i.team)}` : ""}`;
  const out: SaidBlock[] = [heading(title)];
  if (showWaiting(i)) return [...out, line(tr("show.computing"))];
  const focus = i.team ? [i.team] : Object.keys(i.view.teams);
  const game = i.game as GameState;
  const chart = (tab: ChartTextInput["tab"], team: string, extra: Partial<ChartTextInput> = {}) =>
    debriefTables({
      language: i.language,
      tab,
      game,
      metric: "score",
      team,
      teamName: name,
      band: null,
      branch: null,
      insights: null,
      period: "game",
      ...extra,
    });
  switch (i.screen) {
    case "podium": {
      const rows = leaderboard(i.language, Object.values(i.view.teams), null);
      const places = finalPodium(i.language, i.view, null);
      return [
        ...out,
        ...podiumText(tr, tr("podium.subtitle"), places),
        table(rankingText(tr, tr("proj.final"), rows)),
      ];
    }
    case "trajectories":
      return [...out, ...chart("trajectories", i.team).map(table)];
    case "levers": {
      const names = new Set(focus.map(name));
      return [
        ...out,
        ...chart("levers", i.team)
          .filter((t) => names.has(t.caption))
          .map(table),
      ];
    }
    case "attribution":
      return [
        ...out,
        ...focus.flatMap((id) => {
          const team = i.insights?.find((c) => c.teamId === id);
          return team ? chart("credit", id, { insights: team }).map(table) : [];
        }),
      ];
    case "luck":
      return [
        ...out,
        line(tr("a11y.bands", { outer: tr("debrief.band90"), inner: tr("debrief.band50") })),
        ...focus.flatMap((id) => chart("luck", id, { band: i.band(id) }).map(table)),
      ];
    case "whatif":
      return [...out, ...whatIfText(i, tr, name, focus, chart)];
    case "verdict":
      return [...out, ...verdictText(i.language, i.view, i.insights)];
    default: {
      const unknown: never = i.screen;
      throw new Error(`Unknown screen ${String(unknown)}`);
    }
  }
}

/** Every team's best one-token change, or one team's game with and without it. */
function whatIfText(
  i: ShowTextInput,
  tr: Tr,
  name: (id: string) => string,
  focus: readonly string[],
  chart: (tab: "whatif", team: string, extra: Partial<ChartTextInput>) => ChartTable[],
): SaidBlock[] {
  const lineOf = (id: string, change: BestChange | undefined): string | undefined => {
    const team = i.insights?.find((c) => c.teamId === id);
    if (!team || !change) return undefined;
    return bestChangeLines(i.language, [change], team.attribution.score)[0];
  };
  if (!i.team) {
    return focus.map((id) => {
      const team = i.insights?.find((c) => c.teamId === id);
      const said = lineOf(id, team?.bestChanges[0]) ?? tr("show.noBestChange");
      return line(tr("a11y.reason", { label: name(id), value: said }));
    });
  }
  const found = i.branch(i.team);
  const change = found ? lineOf(i.team, found.change) : undefined;
  const note = change ? tr("show.bestChange", { change }) : tr("show.noBestChange");
  return [line(note), ...chart("whatif", i.team, { branch: found?.game ?? null }).map(table)];
}
