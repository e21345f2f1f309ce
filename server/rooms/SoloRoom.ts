/**
 * Solo practice: one learner against scripted rivals (bot strategies), automatic pacing, no
 * timer unless asked. Same session rules, results and debrief data as a workshop; the learner
 * holds the few facilitator actions that set their own pace (see session/permissions.ts).
 * Stored like a workshop once the learner is seated, so a game can be picked up at any time —
 * after a reload, after the grace period, after a restart — with `joinById(roomId, { name,
 * seatToken })`; a room nobody is in goes away and is rebuilt from its log on the next join.
 */
import { randomBytes } from "node:crypto";
import { checkName, soloCreateOptions, soloJoinOptions } from "../../shared/index";
import { createSession, soloConfig } from "../session/config";
import { sha256 } from "../session/hash";
import type { SessionState } from "../session/types";
import type { ElanClient, JoinAuth } from "./deps";
import { SessionRoom } from "./SessionRoom";
import { joinError, takeRestore } from "./WorkshopRoom";

const isRestore = (o: unknown): o is { restore: string; restoreKey: string } =>
  typeof o === "object" && o !== null && "restore" in o && "restoreKey" in o;

export abstract class SoloRoom extends SessionRoom {
  /** One learner, but a reload's new connection may arrive before the old one is gone. */
  override maxClients = 4;
  private learnerName = "";

  override async onCreate(options: unknown): Promise<void> {
    let session: SessionState;
    if (isRestore(options)) {
      session = takeRestore(this.deps, options).session;
      this.roomId = options.restore;
      this.stored = true;
    } else {
      const parsed = soloCreateOptions.safeParse(options ?? {});
      if (!parsed.success)
        throw joinError("join.bad_options", parsed.error.issues[0]?.message ?? "");
      const language = parsed.data.language ?? "fr";
      const name = checkName(parsed.data.name ?? (language === "fr" ? "Moi" : "Me"));
      if (!name.ok)
        throw joinError("join.bad_name", `The name is ${name.reason.replace("_", " ")}.`);
      this.learnerName = name.name;
      // A fresh id is nobody's yet; holding it keeps a restore elsewhere from opening it twice.
      if (!(await this.deps.ownership.acquire(this.roomId))) {
        throw joinError("server.error", "This game id is taken; try again.");
      }
      const built = soloConfig(parsed.data, {
        code: this.roomId,
        now: this.deps.now(),
        randomSeed: randomBytes(8).toString("hex"),
      });
      if (!built.ok) throw joinError(built.error.code, built.error.message);
      this.record = {
        code: this.roomId,
        kind: "solo",
        config: built.config,
        facilitatorHash: "",
        createdAt: built.config.createdAt,
      };
      session = createSession(built.config);
    }
    this.deps.live.set(this.roomId, this);
    this.startSession(session);
  }

  override onAuth(_client: ElanClient, options: unknown): JoinAuth {
    const learnerId = this.session.playerOrder[0];
    const learner = learnerId === undefined ? undefined : this.session.players.get(learnerId);
    if (!learner) {
      if (this.stored) throw joinError("join.full", "A solo game has one learner.");
      return { role: "player", playerId: "", name: this.learnerName, token: "" };
    }
    const parsed = soloJoinOptions.safeParse(options ?? {});
    if (!parsed.success) throw joinError("join.full", "A solo game has one learner.");
    if (sha256(parsed.data.seatToken) !== learner.tokenHash) {
      throw joinError("join.bad_token", "This seat token does not match this game.");
    }
    return {
      role: "player",
      playerId: learner.id,
      name: learner.name,
      token: parsed.data.seatToken,
    };
  }

  override async onJoin(client: ElanClient, _options: unknown, auth: JoinAuth): Promise<void> {
    if (auth.playerId) {
      this.claimSeat(client, auth.playerId, auth.token);
      return;
    }
    const notStored = await this.storeRecord();
    if (notStored) {
      this.disconnect().catch(() => {});
      throw joinError(notStored.code, notStored.message);
    }
    const refused = await this.seatNewPlayer(client, auth.name);
    if (refused) throw joinError(refused.code, refused.message);
    this.commitAction({
      at: this.deps.now(),
      by: { kind: "system" },
      action: { type: "game.start" },
    });
  }

  override async onDispose(): Promise<void> {
    // Still "live here" until its writes are durable: a rejoin meanwhile must not replay a log
    // that misses them.
    await super.onDispose();
    if (this.deps.live.get(this.roomId) === this) this.deps.live.delete(this.roomId);
  }
}
