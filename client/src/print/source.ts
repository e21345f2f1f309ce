/**
 * What a printed debrief is built from, wherever the print is asked for: the replayable game
 * (`DebriefData`, what `debrief.data` answers and what the JSON export carries as `game`), the
 * teams' names, their answers to "which lever mattered most?", and the attribution when the
 * reader may see it. Two ways in: the live room (`sourceFromRoom`, the console and the debrief)
 * and a workshop's JSON export (`sourceFromExport`, a past workshop). Pure and small: callers in
 * the main bundle import it; the document itself loads on demand (index.ts).
 */
import type { Attribution, BestChange } from "../../../shared/analysis/attribution";
import { ATTRIBUTION_KEYS } from "../../../shared/analysis/attribution";
import { BUCKET_IDS, type BucketId } from "../../../shared/model/levers";
import type { Language } from "../../../shared/protocol/messages";
import type { DebriefData } from "../../../shared/protocol/view";

/** The room, or one team (its id). */
export type PrintScope = { kind: "room" } | { kind: "team"; teamId: string };

/** What the debrief credits one team (`TeamInsights` fits; so does the export's `debrief`). */
export interface TeamCredit {
  teamId: string;
  attribution: { score: number; total: Attribution };
  bestChanges: readonly BestChange[];
}

export interface PrintSource {
  language: Language;
  /** Join code (workshop) or room id (solo). */
  code: string;
  solo: boolean;
  game: DebriefData;
  teams: { id: string; name: string; bot: boolean }[];
  /** Each team's answer (null: none), whatever the reader may see of it. */
  predictions: Record<string, BucketId | null>;
  revealed: boolean;
  /** null: not to be shown to this reader (a participant before the reveal), or not computed. */
  credit: readonly TeamCredit[] | null;
  /** Epoch ms, printed in the header. */
  printedAt: number;
}

export type SourceResult = { ok: true; source: PrintSource } | { ok: false; reason: string };

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);
const isBucket = (x: unknown): x is BucketId =>
  typeof x === "string" && (BUCKET_IDS as readonly string[]).includes(x);
const isFiniteNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

function isAttribution(x: unknown): x is Attribution {
  return isObject(x) && ATTRIBUTION_KEYS.every((k) => isFiniteNumber(x[k]));
}

function isBestChange(x: unknown): x is BestChange {
  return (
    isObject(x) &&
    Number.isInteger(x.quarter) &&
    isBucket(x.from) &&
    isBucket(x.to) &&
    isFiniteNumber(x.gain) &&
    isFiniteNumber(x.score)
  );
}

/** The export's `debrief.teams[i]`, as far as the document uses it; null if unusable. */
function creditOf(x: unknown): TeamCredit | null {
  if (!isObject(x) || typeof x.teamId !== "string" || !isObject(x.attribution)) return null;
  const { score, total } = x.attribution;
  if (!isFiniteNumber(score) || !isAttribution(total)) return null;
  const best = Array.isArray(x.bestChanges) ? x.bestChanges.filter(isBestChange) : [];
  return { teamId: x.teamId, attribution: { score, total }, bestChanges: best };
}

/**
 * A workshop's JSON export (`GET /api/workshops/CODE/export?format=json`), checked before use:
 * a file from elsewhere gets a reason, never a half-built document. The game log itself is
 * checked by the replay (model/validate.ts) when the document is built.
 */
export function sourceFromExport(
  json: unknown,
  language: Language,
  printedAt: number,
): SourceResult {
  const bad = (reason: string): SourceResult => ({ ok: false, reason });
  if (!isObject(json) || json.format !== "elan-workshop-export") return bad("format");
  if (json.version !== 1) return bad("version");
  const game = json.game;
  if (
    !isObject(game) ||
    !isObject(game.scenario) ||
    typeof game.seed !== "string" ||
    !Array.isArray(game.teamIds) ||
    !game.teamIds.every((id) => typeof id === "string") ||
    !Array.isArray(game.log)
  ) {
    return bad("game");
  }
  const teamIds = game.teamIds as string[];
  const named = new Map<string, { name: string; bot: boolean }>();
  if (Array.isArray(json.teams)) {
    for (const team of json.teams) {
      if (isObject(team) && typeof team.id === "string" && typeof team.name === "string") {
        named.set(team.id, { name: team.name, bot: typeof team.bot === "string" });
      }
    }
  }
  const debrief = isObject(json.debrief) ? json.debrief : {};
  const entries = Array.isArray(debrief.teams) ? debrief.teams.filter(isObject) : [];
  const predictions: Record<string, BucketId | null> = {};
  for (const id of teamIds) predictions[id] = null;
  for (const entry of entries) {
    if (typeof entry.teamId === "string" && teamIds.includes(entry.teamId)) {
      predictions[entry.teamId] = isBucket(entry.prediction) ? entry.prediction : null;
    }
  }
  const credit = entries.map(creditOf).filter((c): c is TeamCredit => c !== null);
  return {
    ok: true,
    source: {
      language,
      code: typeof json.code === "string" ? json.code : "",
      solo: json.kind === "solo",
      game: game as unknown as DebriefData,
      teams: teamIds.map((id) => ({
        id,
        name: named.get(id)?.name ?? id,
        bot: named.get(id)?.bot ?? false,
      })),
      predictions,
      revealed: debrief.revealed === true,
      credit: credit.length === teamIds.length ? credit : null,
      printedAt,
    },
  };
}
