/**
 * The printed debrief as data: every sentence, number and chart series the paper shows, built
 * from the replayed game in the reader's language. Pure (tested in test/client/print.test.ts);
 * render.ts only lays it out. The room document covers every team; a team's document is the
 * same story told for one team, set against the room.
 */
import { topLever } from "../../../shared/analysis/insights";
import { replay } from "../../../shared/analysis/replay";
import { BUCKET_IDS, LEVER_IDS, type BucketId, type LeverId } from "../../../shared/model/levers";
import type { GameState } from "../../../shared/model/types";
import type { Language } from "../../../shared/protocol/messages";
import { translate, type MessageKey, type Params } from "../i18n/index";
import { bestChangeLines, waterfall } from "../viewmodels/credit";
import { DEBRIEF_METRICS, series, type DebriefMetric } from "../viewmodels/debrief";
import { percent } from "../viewmodels/format";
import { formatMetric, scoreSplit } from "../viewmodels/metrics";
import type { PrintScope, PrintSource, TeamCredit } from "./source";

export interface RankRow {
  teamId: string;
  rank: number;
  name: string;
  score: string;
  played: string;
  legacy: string;
  kpi: string;
  /** The team this document is about. */
  own: boolean;
}

export interface ChartLine {
  label: string;
  values: number[];
  /** Room document: one colour per team; team document: the team, the others, the average. */
  style:
    { kind: "team"; index: number } | { kind: "own" } | { kind: "other" } | { kind: "average" };
}

export interface TrajectoryChart {
  metric: DebriefMetric;
  title: string;
  lines: ChartLine[];
  format(value: number): string;
}

export interface DecisionTable {
  teamId: string;
  name: string;
  /** One row per quarter: its label, tokens per bucket in board order, the total. */
  rows: { label: string; tokens: number[]; total: number }[];
  totals: number[];
  total: number;
}

export interface CreditBlock {
  teamId: string;
  name: string;
  /** Playing nothing, the seven buckets, the final score: label, value, display. */
  bars: { key: string; label: string; value: number; display: string }[];
  top: string;
  best: string[];
}

export interface VerdictLine {
  name: string;
  answer: string;
  credited: string;
  match: boolean | null;
}

export interface Lesson {
  lever: LeverId;
  cause: string;
  text: string;
  /** What this room (or team) did with the lever. */
  note: string;
}

export interface PrintDoc {
  language: Language;
  /** The document's title: the browser's default file name for the PDF. */
  fileTitle: string;
  heading: string;
  subheading: string;
  bucketLabels: string[];
  ranking: RankRow[];
  /** A team's document: its final score in its parts (null for the room, or before the end). */
  split: string | null;
  trajectoriesLead: string;
  charts: TrajectoryChart[];
  quarters: number;
  decisions: DecisionTable[];
  /** null: the attribution is not shown to this reader (before the reveal). */
  credit: CreditBlock[] | null;
  verdict: VerdictLine[] | null;
  lessons: Lesson[];
  questions: string[];
}

export type DocResult = { ok: true; doc: PrintDoc } | { ok: false; reason: string };

/** A name as part of a file name: letters and digits kept (accents dropped), the rest "-". */
export function fileSlug(name: string): string {
  const ascii = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const slug = ascii.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug.toLowerCase().slice(0, 40) || "team";
}

function lastOutputs(game: GameState, teamId: string) {
  return game.history[teamId]?.at(-1)?.outputs;
}

function ranking(language: Language, source: PrintSource, game: GameState, own: string | null) {
  const scores = source.teams.map((t) => lastOutputs(game, t.id)?.score ?? 0);
  const rows = source.teams.map((team, i): RankRow => {
    const out = lastOutputs(game, team.id);
    const score = out?.score ?? 0;
    const legacy = out?.legacy ?? 0;
    return {
      teamId: team.id,
      rank: 1 + scores.filter((s) => s > (scores[i] ?? 0)).length,
      name: team.bot ? `${team.name} (${translate(language, "print.bot")})` : team.name,
      score: formatMetric(language, "score", score),
      played: formatMetric(language, "score", score - legacy),
      legacy: formatMetric(language, "score", legacy),
      kpi: formatMetric(language, "kpi", out?.kpi ?? 0),
      own: team.id === own,
    };
  });
  return rows.sort((a, b) => a.rank - b.rank);
}

function charts(language: Language, source: PrintSource, game: GameState, own: string | null) {
  return DEBRIEF_METRICS.map((metric): TrajectoryChart => {
    const all = source.teams.map((t) => ({ team: t, values: series(game, t.id, metric) }));
    let lines: ChartLine[];
    if (own === null) {
      lines = all.map((x, index) => ({
        label: x.team.name,
        values: x.values,
        style: { kind: "team", index },
      }));
    } else {
      const average = Array.from({ length: game.turn }, (_, q) => {
        const sum = all.reduce((acc, x) => acc + (x.values[q] ?? 0), 0);
        return sum / Math.max(1, all.length);
      });
      lines = [
        ...all
          .filter((x) => x.team.id !== own)
          .map((x): ChartLine => ({
            label: x.team.name,
            values: x.values,
            style: { kind: "other" },
          })),
        {
          label: translate(language, "print.roomAverage"),
          values: average,
          style: { kind: "average" },
        },
        ...all
          .filter((x) => x.team.id === own)
          .map((x): ChartLine => ({
            label: x.team.name,
            values: x.values,
            style: { kind: "own" },
          })),
      ];
    }
    return {
      metric,
      title: translate(language, `gauge.${metric}`),
      lines,
      format: (value) => formatMetric(language, metric, value),
    };
  });
}

function decisionTable(language: Language, game: GameState, teamId: string, name: string) {
  const history = game.history[teamId] ?? [];
  const totals = BUCKET_IDS.map(() => 0);
  const rows = history.map((record, q) => {
    const tokens = BUCKET_IDS.map((id, i) => {
      totals[i] = (totals[i] ?? 0) + record.allocation[id];
      return record.allocation[id];
    });
    return {
      label: translate(language, "common.quarterShort", { q: q + 1 }),
      tokens,
      total: tokens.reduce((a, b) => a + b, 0),
    };
  });
  const table: DecisionTable = {
    teamId,
    name,
    rows,
    totals,
    total: totals.reduce((a, b) => a + b, 0),
  };
  return table;
}

function creditBlock(language: Language, credit: TeamCredit, name: string): CreditBlock {
  const model = waterfall(language, { ...credit.attribution.total }, "game");
  const top = topLever(credit.attribution.total);
  return {
    teamId: credit.teamId,
    name,
    bars: model.bars.map((b) => ({
      key: b.key,
      label: b.label,
      value: b.key === "total" ? b.to : b.value,
      display: b.display,
    })),
    top: translate(language, "credit.top", { lever: translate(language, `lever.${top}.name`) }),
    best: credit.bestChanges.length
      ? bestChangeLines(language, credit.bestChanges, credit.attribution.score)
      : [translate(language, "credit.noChange")],
  };
}

function verdictLines(language: Language, source: PrintSource, teams: readonly string[]) {
  if (!source.revealed || !source.credit) return null;
  const lines: VerdictLine[] = [];
  for (const id of teams) {
    const credit = source.credit.find((c) => c.teamId === id);
    const team = source.teams.find((t) => t.id === id);
    const answer = source.predictions[id] ?? null;
    if (!credit || !team || (team.bot && !answer)) continue;
    const top = topLever(credit.attribution.total);
    lines.push({
      name: team.name,
      answer: answer
        ? translate(language, `lever.${answer}.name`)
        : translate(language, "credit.noAnswer"),
      credited: translate(language, `lever.${top}.name`),
      match: answer ? answer === top : null,
    });
  }
  return lines;
}

/** Share of a set of allocations' tokens that went to `lever`. */
function share(game: GameState, teamIds: readonly string[], lever: BucketId): number {
  let on = 0;
  let all = 0;
  for (const id of teamIds) {
    for (const r of game.history[id] ?? []) {
      on += r.allocation[lever];
      for (const b of BUCKET_IDS) all += r.allocation[b];
    }
  }
  return all > 0 ? on / all : 0;
}

function lessons(language: Language, source: PrintSource, game: GameState, own: string | null) {
  const tr = (key: MessageKey, params?: Params) => translate(language, key, params);
  const everyone = source.teams.map((t) => t.id);
  const credits = source.credit;
  return LEVER_IDS.map((lever): Lesson => {
    const room = percent(language, share(game, everyone, lever), 0);
    let note: string;
    if (own === null) {
      const average = credits?.length
        ? credits.reduce((acc, c) => acc + c.attribution.total[lever], 0) / credits.length
        : null;
      note =
        average === null
          ? tr("print.roomLeverNoCredit", { share: room })
          : tr("print.roomLever", {
              share: room,
              credit: formatMetric(language, "score", average, true),
            });
    } else {
      const team = source.teams.find((t) => t.id === own);
      const credit = credits?.find((c) => c.teamId === own);
      const params = {
        team: team?.name ?? own,
        share: percent(language, share(game, [own], lever), 0),
        room,
      };
      note = credit
        ? tr("print.teamLever", {
            ...params,
            credit: formatMetric(language, "score", credit.attribution.total[lever], true),
          })
        : tr("print.teamLeverNoCredit", params);
    }
    return {
      lever,
      cause: tr(`print.cause.${lever}`),
      text: tr(`print.lesson.${lever}`),
      note,
    };
  });
}

function dateOf(language: Language, at: number): string {
  return new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "long",
  }).format(new Date(at));
}

/** The document for `scope`, or why it cannot be built (a log that does not replay). */
export function buildPrintDoc(source: PrintSource, scope: PrintScope): DocResult {
  const language = source.language;
  const tr = (key: MessageKey, params?: Params) => translate(language, key, params);
  let replayed;
  try {
    replayed = replay(source.game.scenario, source.game.seed, source.game.teamIds, source.game.log);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (!replayed.ok) return { ok: false, reason: replayed.error.message };
  const game = replayed.value;
  if (game.turn === 0) return { ok: false, reason: "no quarter played" };
  const own = scope.kind === "team" ? scope.teamId : null;
  const ownTeam = own === null ? null : source.teams.find((t) => t.id === own);
  if (own !== null && !ownTeam) return { ok: false, reason: `unknown team ${own}` };
  const teamIds = ownTeam ? [ownTeam.id] : source.teams.map((t) => t.id);
  const nameOf = (id: string) => source.teams.find((t) => t.id === id)?.name ?? id;
  const code = source.code;
  const rows = ranking(language, source, game, own);
  const subheading = tr("print.subtitle", {
    // An export's scenario replayed fine, but its title is only text: never trust it is there.
    scenario: game.scenario.title?.[language] ?? game.scenario.id,
    quarters: game.turn,
    teams: source.teams.length,
    date: dateOf(language, source.printedAt),
  });
  const rank = rows.find((r) => r.own)?.rank ?? 0;
  return {
    ok: true,
    doc: {
      language,
      fileTitle: ownTeam
        ? tr("print.fileTeam", { code, team: fileSlug(ownTeam.name) })
        : tr("print.fileRoom", { code }),
      heading: ownTeam
        ? tr("print.titleTeam", { team: ownTeam.name })
        : source.solo
          ? tr("print.titleSolo")
          : tr("print.titleRoom", { code }),
      subheading: ownTeam
        ? `${tr("print.teamRank", { rank, n: source.teams.length, code })} · ${subheading}`
        : subheading,
      bucketLabels: BUCKET_IDS.map((id) => tr(`lever.${id}.short`)),
      ranking: rows,
      split: ownTeam ? scoreSplit(language, lastOutputs(game, ownTeam.id)) : null,
      trajectoriesLead: ownTeam
        ? tr("print.trajectoriesTeam", { team: ownTeam.name })
        : tr("print.trajectoriesLead"),
      charts: charts(language, source, game, own),
      quarters: game.turn,
      decisions: teamIds.map((id) => decisionTable(language, game, id, nameOf(id))),
      credit: source.credit
        ? teamIds.flatMap((id) => {
            const credit = source.credit?.find((c) => c.teamId === id);
            return credit ? [creditBlock(language, credit, nameOf(id))] : [];
          })
        : null,
      verdict: verdictLines(language, source, teamIds),
      lessons: lessons(language, source, game, own),
      questions: [tr("print.question1"), tr("print.question2"), tr("print.question3")],
    },
  };
}
