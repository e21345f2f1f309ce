/**
 * The screens a participant never opens on arrival — the facilitator's console, the projector
 * and the debrief — with what only they use (charts, what-if, the run sheet, the QR code, the
 * debrief's analysis): each is its own chunk, fetched the first time the app shows it
 * (`App.show`). A participant's first load (home, lobby, board) carries none of it
 * (`test/client/firstLoad.test.ts` checks the build).
 */
import type Phaser from "phaser";
import { SCENES, type SceneKey } from "../constants";

export type SceneClass = new () => Phaser.Scene;

export const LAZY_SCENES: Partial<Record<SceneKey, () => Promise<SceneClass>>> = {
  [SCENES.facilitator]: async () => (await import("./FacilitatorScene")).FacilitatorScene,
  [SCENES.projector]: async () => (await import("./ProjectorScene")).ProjectorScene,
  [SCENES.debrief]: async () => (await import("./DebriefScene")).DebriefScene,
};
