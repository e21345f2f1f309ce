/**
 * The printed debrief from the live room, for the console and the debrief screen: the log the
 * debrief already fetched, the attribution its worker already computed (when this reader may
 * see it), then the print module, loaded on this first use (print/index.ts).
 */
import { getLanguage } from "../i18n/index";
import { printDebrief } from "../print/index";
import { sourceFromRoom } from "../print/roomSource";
import type { App } from "./app";

/** `teamId` null: the room's document; else that team's. */
export async function printFromRoom(app: App, teamId: string | null): Promise<void> {
  const session = app.session;
  const view = session?.view;
  if (!session || !view) return;
  app.notify("print.preparing", "info");
  const role = session.identity.role;
  const game = await app.debrief.log(session);
  const shown = view.revealed || role === "facilitator";
  const credit = shown ? (await app.debrief.credit(session)).teams : null;
  const source = sourceFromRoom({
    language: getLanguage(),
    view: session.view ?? view,
    role,
    game,
    credit,
    printedAt: Date.now(),
  });
  await printDebrief(source, teamId ? { kind: "team", teamId } : { kind: "room" });
}
