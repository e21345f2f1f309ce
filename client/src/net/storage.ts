/**
 * What the browser remembers: seat tokens (to reclaim a seat after a reload or a server restart),
 * the solo games it can resume, facilitator tokens and the chosen language. Private browsing may
 * refuse storage; the game then still works, it just cannot resume after a reload.
 */
import { STORAGE } from "../constants";
import {
  FACILITATOR_KEY_BYTES,
  facilitatorKeyFrom,
  isFacilitatorKey,
} from "../viewmodels/facilitatorKey";
import {
  dropSoloGame,
  parseSoloGames,
  upsertSoloGame,
  type SoloGame,
} from "../viewmodels/soloGames";

export interface SeatRecord {
  code: string;
  name: string;
  token: string;
  playerId: string;
}

function read(key: string, store: () => Storage = () => localStorage): string | null {
  try {
    return store().getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null, store: () => Storage = () => localStorage): void {
  try {
    if (value === null) store().removeItem(key);
    else store().setItem(key, value);
  } catch {
    // Storage refused (private mode, quota): resuming after a reload will not work, nothing else breaks.
  }
}

function readSoloGames(): SoloGame[] {
  try {
    return parseSoloGames(JSON.parse(read(STORAGE.soloGames) ?? "[]"));
  } catch {
    return [];
  }
}

function writeSoloGames(list: readonly SoloGame[]): void {
  write(STORAGE.soloGames, list.length ? JSON.stringify(list) : null);
  // A record from before the list held a reconnection token that can no longer resume anything.
  write(STORAGE.legacySolo, null);
}

function readJson<T>(key: string, valid: (v: Record<string, unknown>) => boolean): T | null {
  const raw = read(key);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (parsed && typeof parsed === "object" && valid(parsed as Record<string, unknown>))
      return parsed as T;
  } catch {
    // A corrupt entry is as good as none.
  }
  return null;
}

const isSeat = (v: Record<string, unknown>): boolean =>
  typeof v.code === "string" && typeof v.name === "string" && typeof v.token === "string";

export const storage = {
  /** Whether sound was turned on for this screen in this browser (off until chosen). */
  soundOn(screen: string): boolean {
    return read(STORAGE.sound(screen)) === "on";
  },
  saveSound(screen: string, on: boolean): void {
    write(STORAGE.sound(screen), on ? "on" : null);
  },
  seat(code: string): SeatRecord | null {
    return readJson<SeatRecord>(STORAGE.seat(code), isSeat);
  },
  saveSeat(seat: SeatRecord): void {
    write(STORAGE.seat(seat.code), JSON.stringify(seat));
  },
  forgetSeat(code: string): void {
    write(STORAGE.seat(code), null);
  },
  soloGames(): SoloGame[] {
    return readSoloGames();
  },
  soloGame(roomId: string): SoloGame | null {
    return readSoloGames().find((g) => g.roomId === roomId) ?? null;
  },
  /** Records a solo game or what changed in it; a game seen over leaves the list. */
  saveSoloGame(update: Partial<SoloGame> & Pick<SoloGame, "roomId">): void {
    writeSoloGames(upsertSoloGame(readSoloGames(), update, Date.now()));
  },
  forgetSoloGame(roomId: string): void {
    writeSoloGames(dropSoloGame(readSoloGames(), roomId));
  },
  /** The solo game this tab is playing (sessionStorage: a reload comes back to it). */
  currentSolo(): string | null {
    return read(STORAGE.currentSolo, () => sessionStorage);
  },
  saveCurrentSolo(roomId: string | null): void {
    write(STORAGE.currentSolo, roomId, () => sessionStorage);
  },
  facilitatorToken(code: string): string | null {
    return read(STORAGE.facilitator(code));
  },
  saveFacilitatorToken(code: string, token: string | null): void {
    write(STORAGE.facilitator(code), token);
  },
  /**
   * This browser's facilitator secret, made on first use (viewmodels/facilitatorKey.ts); null
   * when storage or randomness is refused (the server then makes a token per workshop).
   */
  facilitatorKey(): string | null {
    const known = read(STORAGE.facilitatorKey);
    if (isFacilitatorKey(known)) return known;
    try {
      const key = facilitatorKeyFrom(crypto.getRandomValues(new Uint8Array(FACILITATOR_KEY_BYTES)));
      write(STORAGE.facilitatorKey, key);
      return read(STORAGE.facilitatorKey) === key ? key : null;
    } catch {
      return null;
    }
  },
  /** Every workshop this browser has a facilitator token for ("Mes ateliers"). */
  facilitatorTokens(): { code: string; token: string }[] {
    const prefix = STORAGE.facilitator("");
    const out: { code: string; token: string }[] = [];
    try {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (!key?.startsWith(prefix)) continue;
        const token = localStorage.getItem(key);
        if (token) out.push({ code: key.slice(prefix.length), token });
      }
    } catch {
      // Storage refused: nothing remembered, a pasted token still works.
    }
    return out;
  },
  language(): string | null {
    return read(STORAGE.language);
  },
  saveLanguage(language: string): void {
    write(STORAGE.language, language);
  },
  lastName(): string {
    return read(STORAGE.lastName) ?? "";
  },
  saveLastName(name: string): void {
    write(STORAGE.lastName, name);
  },
};
