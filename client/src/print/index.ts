/**
 * The printed debrief's one door, callable from anywhere (the console, the debrief, a list of
 * past workshops): give it the debrief's data and a scope (the room, or a team), and the
 * browser's print dialog opens on an A4 document to save as PDF. The document's code is loaded
 * here, on the first print, so no screen carries it before.
 */
import type { Language } from "../../../shared/protocol/messages";
import type { PrintScope, PrintSource } from "./source";

export type { PrintScope, PrintSource, TeamCredit } from "./source";
// The live room's source (roomSource.ts) is imported by those who print from a room: from here
// it would drag the debrief's analysis into every screen that can print an export.

/** From the live room's data (see roomSource.ts). */
export async function printDebrief(source: PrintSource, scope: PrintScope): Promise<void> {
  const print = await import("./print");
  print.printDebrief(source, scope);
}

/**
 * From a workshop's JSON export (`GET /api/workshops/CODE/export?format=json`): the game is
 * replayed from the export's `game`; a file that is not an Élan export is refused with a reason.
 */
export async function printExport(
  json: unknown,
  scope: PrintScope,
  language: Language,
): Promise<void> {
  const print = await import("./print");
  print.printExport(json, scope, language);
}
