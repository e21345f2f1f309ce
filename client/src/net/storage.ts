/**
 * What the browser remembers: seat tokens (to reclaim a seat after a reload or a server restart),
 * facilitator tokens and the chosen language. Private browsing may refuse storage; the game then
 * still works, it just cannot resume after a reload.
 */
import { STORAGE } from "../constants";

export interface SeatRecord {
  code: string;
  name: string;
  token: string;
  playerId: string;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage refused (private mode, quota): resuming after a reload will not work, nothing else breaks.
  }
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
  seat(code: string): SeatRecord | null {
    return readJson<SeatRecord>(STORAGE.seat(code), isSeat);
  },
  saveSeat(seat: SeatRecord): void {
    write(STORAGE.seat(seat.code), JSON.stringify(seat));
  },
  forgetSeat(code: string): void {
    write(STORAGE.seat(code), null);
  },
  solo(): SeatRecord | null {
    return readJson<SeatRecord>(STORAGE.solo, isSeat);
  },
  saveSolo(seat: SeatRecord | null): void {
    write(STORAGE.solo, seat ? JSON.stringify(seat) : null);
  },
  facilitatorToken(code: string): string | null {
    return read(STORAGE.facilitator(code));
  },
  saveFacilitatorToken(code: string, token: string | null): void {
    write(STORAGE.facilitator(code), token);
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
