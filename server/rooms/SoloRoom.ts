/**
 * Solo practice: one learner against scripted rivals (bot strategies), automatic pacing, no
 * timer unless asked. Same session rules, results and debrief data as a workshop; the learner
 * holds the few facilitator actions that set their own pace (see session/permissions.ts).
 * Not persisted: a solo game lives as long as its room (the seat survives drops for the grace
 * period through Colyseus reconnection).
 */
import { randomBytes } from "node:crypto";
import { checkName, soloCreateOptions } from "../../shared/index";
import { createSession, soloConfig } from "../session/config";
import type { ElanClient, JoinAuth } from "./deps";
import { SessionRoom } from "./SessionRoom";
import { joinError } from "./WorkshopRoom";

export abstract class SoloRoom extends SessionRoom {
  override maxClients = 1;
  private learnerName = "";

  override onCreate(options: unknown): void {
    const parsed = soloCreateOptions.safeParse(options ?? {});
    if (!parsed.success) throw joinError("join.bad_options", parsed.error.issues[0]?.message ?? "");
    const language = parsed.data.language ?? "fr";
    const name = checkName(parsed.data.name ?? (language === "fr" ? "Moi" : "Me"));
    if (!name.ok) throw joinError("join.bad_name", `The name is ${name.reason.replace("_", " ")}.`);
    this.learnerName = name.name;
    const built = soloConfig(parsed.data, {
      code: this.roomId,
      now: this.deps.now(),
      randomSeed: randomBytes(8).toString("hex"),
    });
    if (!built.ok) throw joinError(built.error.code, built.error.message);
    this.startSession(createSession(built.config));
  }

  override onAuth(): JoinAuth {
    if (this.session.playerOrder.length > 0)
      throw joinError("join.full", "A solo game has one learner.");
    return { role: "player", playerId: "", name: this.learnerName, token: "" };
  }

  override async onJoin(client: ElanClient, _options: unknown, auth: JoinAuth): Promise<void> {
    const refused = await this.seatNewPlayer(client, auth.name);
    if (refused) throw joinError(refused.code, refused.message);
    this.commitAction({
      at: this.deps.now(),
      by: { kind: "system" },
      action: { type: "game.start" },
    });
  }
}
