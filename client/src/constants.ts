/**
 * Keys shared by scenes, the router and the tests: a typo in a scene key becomes a type error
 * instead of a blank screen.
 */
import { BUCKET_IDS, type BucketId } from "../../shared/model/levers";

export const SCENES = {
  boot: "boot",
  home: "home",
  lobby: "lobby",
  board: "board",
  facilitator: "facilitator",
  projector: "projector",
  debrief: "debrief",
} as const;
export type SceneKey = (typeof SCENES)[keyof typeof SCENES];

/** Texture keys of the lever icons, generated from the SVGs in assets/icons. */
export function iconKey(bucket: BucketId): string {
  return `icon.${bucket}`;
}
export const ICON_KEYS = BUCKET_IDS.map(iconKey);

/** Texture key of the join QR code (projector and facilitator). */
export const QR_TEXTURE = "qr.join";

/** localStorage keys: everything the browser remembers between visits. */
export const STORAGE = {
  language: "elan.language",
  seat: (code: string) => `elan.seat.${code}`,
  facilitator: (code: string) => `elan.facilitator.${code}`,
  /** This browser's facilitator secret, used for every workshop it hosts ("Mes ateliers"). */
  facilitatorKey: "elan.facilitatorKey",
  /** The solo games this browser can resume (a list). */
  soloGames: "elan.soloGames",
  /** Before the list: one solo game with a reconnection token (read once, to drop it). */
  legacySolo: "elan.solo",
  /** sessionStorage: the solo game this tab is playing, resumed silently on a reload. */
  currentSolo: "elan.currentSolo",
  lastName: "elan.name",
  /** "on" when this browser chose sound for that screen ("projector" or "board"); off otherwise. */
  sound: (screen: string) => `elan.sound.${screen}`,
} as const;
