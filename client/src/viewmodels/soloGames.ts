/**
 * "My games": the solo games this browser has started and not finished. The server keeps solo
 * games (across reloads, the reconnection grace and restarts) and gives the learner a seat token
 * like a participant's; each game is resumed with `joinById(roomId, { name, seatToken })`.
 * Pure list logic here; net/storage.ts keeps the list in localStorage.
 */
import type { Language } from "../../../shared/protocol/messages";
import { PHASES, type Phase } from "../../../shared/protocol/constants";
import { translate } from "../i18n/index";
import { currentQuarter } from "./track";

export interface SoloGame {
  roomId: string;
  name: string;
  /** The seat token of the server's `seat` message. */
  token: string;
  scenarioId: string;
  /** Quarters resolved and in all, and the phase, when this browser last saw the game. */
  turn: number;
  turnsTotal: number;
  phase: Phase;
  /** When this browser started (or first saw) the game, and last saw it (epoch ms). */
  startedAt: number;
  seenAt: number;
}

/** The most recent games kept; older ones fall off the list. */
export const MAX_SOLO_GAMES = 8;

const isText = (v: unknown): v is string => typeof v === "string" && v.length > 0;
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0;

function parseOne(value: unknown): SoloGame | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (!isText(v.roomId) || !isText(v.name) || !isText(v.token)) return null;
  const phase = PHASES.find((p) => p === v.phase) ?? "briefing";
  const startedAt = isCount(v.startedAt) ? v.startedAt : 0;
  return {
    roomId: v.roomId,
    name: v.name,
    token: v.token,
    scenarioId: typeof v.scenarioId === "string" ? v.scenarioId : "",
    turn: isCount(v.turn) ? v.turn : 0,
    turnsTotal: isCount(v.turnsTotal) ? v.turnsTotal : 0,
    phase,
    startedAt,
    seenAt: isCount(v.seenAt) ? v.seenAt : startedAt,
  };
}

/** Whatever was stored (possibly corrupt, possibly from an older version) → a valid list. */
export function parseSoloGames(raw: unknown): SoloGame[] {
  if (!Array.isArray(raw)) return [];
  const out: SoloGame[] = [];
  for (const item of raw) {
    const game = parseOne(item);
    if (game && !out.some((g) => g.roomId === game.roomId)) out.push(game);
  }
  return sortGames(out).slice(0, MAX_SOLO_GAMES);
}

function sortGames(list: SoloGame[]): SoloGame[] {
  return list.sort((a, b) => b.seenAt - a.seenAt);
}

/** A game is over once ended: nothing left to resume. */
export function isOver(phase: Phase): boolean {
  return phase === "ended";
}

/**
 * Adds a game or updates what is known of it (the seat token is renewed on every join). A game
 * seen over leaves the list.
 */
export function upsertSoloGame(
  list: readonly SoloGame[],
  update: Partial<SoloGame> & Pick<SoloGame, "roomId">,
  now: number,
): SoloGame[] {
  const before = list.find((g) => g.roomId === update.roomId);
  const rest = list.filter((g) => g.roomId !== update.roomId);
  const merged = parseOne({ startedAt: now, ...before, ...update, seenAt: now });
  if (!merged || isOver(merged.phase)) return [...rest];
  return sortGames([merged, ...rest]).slice(0, MAX_SOLO_GAMES);
}

export function dropSoloGame(list: readonly SoloGame[], roomId: string): SoloGame[] {
  return list.filter((g) => g.roomId !== roomId);
}

export interface SoloGameItem {
  roomId: string;
  title: string;
  progress: string;
  started: string;
}

/** The home screen's lines, most recent first. */
export function soloGameItems(
  language: Language,
  list: readonly SoloGame[],
  scenarioTitle: (id: string) => string | undefined,
): SoloGameItem[] {
  const date = new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
  return list.map((g) => {
    const progress =
      g.phase === "debrief"
        ? translate(language, "home.games.debrief")
        : g.turnsTotal === 0
          ? translate(language, "home.games.notStarted")
          : translate(language, "home.games.progress", {
              q: currentQuarter(g.phase, g.turn, g.turnsTotal),
              total: g.turnsTotal,
            });
    return {
      roomId: g.roomId,
      title: scenarioTitle(g.scenarioId) ?? g.scenarioId,
      progress,
      started: translate(language, "home.games.started", {
        date: date.format(g.startedAt).replace(/[\u202f\u00a0]/g, " "),
      }),
    };
  });
}
