/**
 * "Mes ateliers": the workshops of the facilitator tokens this browser holds (or one pasted),
 * as `GET /api/workshops` lists them, merged, checked and turned into lines to show. Pure: the
 * page (ui/workshopsPanel.ts) fetches and renders.
 */
import type { Language } from "../../../shared/protocol/messages";
import { PHASES, type Phase } from "../../../shared/protocol/constants";
import { translate, translatePlural } from "../i18n/index";
import { currentQuarter } from "./track";

export interface WorkshopSummary {
  code: string;
  scenarioId: string;
  phase: Phase;
  turn: number;
  turnsTotal: number;
  teams: number;
  createdAt: number;
  quarantined: boolean;
  /** The facilitator token that listed it (to reopen, export, end). */
  token: string;
}

const isCount = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

/** One token's answer → its workshops (solo games and malformed entries left out). */
export function parseWorkshopList(body: unknown, token: string): WorkshopSummary[] {
  if (!Array.isArray(body)) return [];
  const out: WorkshopSummary[] = [];
  for (const item of body as unknown[]) {
    if (!item || typeof item !== "object") continue;
    const v = item as Record<string, unknown>;
    const phase = PHASES.find((p) => p === v.phase);
    if (v.kind !== "workshop" || typeof v.code !== "string" || !phase) continue;
    out.push({
      code: v.code,
      scenarioId: typeof v.scenarioId === "string" ? v.scenarioId : "",
      phase,
      turn: isCount(v.turn) ? v.turn : 0,
      turnsTotal: isCount(v.turnsTotal) ? v.turnsTotal : 0,
      teams: isCount(v.teams) ? v.teams : 0,
      createdAt: isCount(v.createdAt) ? v.createdAt : 0,
      quarantined: typeof v.quarantined === "string" && v.quarantined.length > 0,
      token,
    });
  }
  return out;
}

/** Several tokens' lists → one, each code once, the newest first. */
export function mergeWorkshops(lists: readonly WorkshopSummary[][]): WorkshopSummary[] {
  const byCode = new Map<string, WorkshopSummary>();
  for (const list of lists) for (const w of list) if (!byCode.has(w.code)) byCode.set(w.code, w);
  return [...byCode.values()].sort((a, b) => b.createdAt - a.createdAt);
}

/** The distinct tokens to ask about: one request per token, not per workshop. */
export function distinctTokens(stored: readonly { code: string; token: string }[]): string[] {
  return [...new Set(stored.map((s) => s.token).filter((t) => t.length > 0))];
}

export interface WorkshopLine {
  code: string;
  title: string;
  status: string;
  details: string;
  /** Reopening and ending make sense only while the workshop is not over. */
  canEnd: boolean;
  canReopen: boolean;
  /** The printed debrief needs a played quarter and a log that replays. */
  canPrint: boolean;
  quarantined: boolean;
}

export function workshopLine(
  language: Language,
  w: WorkshopSummary,
  /** The scenario's name as played (its length may differ from the scenario's own). */
  scenarioTitle: (id: string, turnsTotal: number) => string | undefined,
): WorkshopLine {
  const date = new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const status = w.quarantined
    ? translate(language, "workshops.quarantined")
    : w.phase === "lobby"
      ? translate(language, "workshops.lobby")
      : w.phase === "debrief" || w.phase === "ended"
        ? translate(language, `phase.${w.phase}`)
        : `${translate(language, `phase.${w.phase}`)} · ${translate(
            language,
            "workshops.progress",
            {
              q: currentQuarter(w.phase, w.turn, w.turnsTotal),
              total: w.turnsTotal,
            },
          )}`;
  const details = [
    translatePlural(language, "workshops.teams", w.teams, { n: w.teams }),
    translate(language, "workshops.created", {
      date: date.format(w.createdAt).replace(/[\u202f\u00a0]/g, " "),
    }),
  ].join(" · ");
  return {
    code: w.code,
    title: scenarioTitle(w.scenarioId, w.turnsTotal) ?? w.scenarioId,
    status,
    details,
    canEnd: !w.quarantined && w.phase !== "ended",
    canReopen: !w.quarantined,
    canPrint: !w.quarantined && w.turn > 0,
    quarantined: w.quarantined,
  };
}
