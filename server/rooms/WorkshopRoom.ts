/**
 * The facilitated workshop. Its room id is the join code; its creator is the facilitator. It is
 * stored only once the creator has taken the facilitator seat (a create nobody follows up is
 * never persisted, and the room goes when the seat reservation expires); from then on its log
 * goes to the store before any action is acknowledged, and a restarted server rebuilds it under
 * the same code (`restore` option, only accepted from this process).
 */
import { ErrorCode, matchMaker, ServerError } from "@colyseus/core";
import { randomBytes, randomInt } from "node:crypto";
import {
  checkName,
  formatJoinError,
  joinCodeFrom,
  JOIN_CODE_LENGTH,
  workshopCreateOptions,
  workshopJoinOptions,
  type ErrorCode as ElanErrorCode,
  type FacilitatorMessage,
} from "../../shared/index";
import { isStrongToken } from "../../shared/protocol/tokens";
import { createSession, workshopConfig } from "../session/config";
import { sha256 } from "../session/hash";
import type { SessionState } from "../session/types";
import type { ElanClient, JoinAuth, PendingRestore } from "./deps";
import { randomToken, SessionRoom } from "./SessionRoom";
import { sendTo } from "./send";

export function joinError(code: ElanErrorCode, message: string): ServerError {
  return new ServerError(ErrorCode.AUTH_FAILED, formatJoinError(code, message));
}

interface RestoreOptions {
  restore: string;
  restoreKey: string;
}

const isRestore = (o: unknown): o is RestoreOptions =>
  typeof o === "object" && o !== null && "restore" in o && "restoreKey" in o;

/** Takes the session a restore request was prepared with; refuses forged requests. */
export function takeRestore(
  deps: { restoring: Map<string, PendingRestore>; restoreKey: string },
  options: RestoreOptions,
): PendingRestore {
  const pending = deps.restoring.get(options.restore);
  if (options.restoreKey !== deps.restoreKey || !pending) {
    throw joinError("join.bad_options", "Unknown restore request.");
  }
  deps.restoring.delete(options.restore);
  return pending;
}

export abstract class WorkshopRoom extends SessionRoom {
  /** An unfinished workshop outlives its clients: people come back after closing laptops. */
  override autoDispose = false;
  private facilitatorHash = "";
  /** The creator's facilitator token until the creator has joined. */
  private creatorToken: string | null = null;

  override async onCreate(options: unknown): Promise<void> {
    let session: SessionState;
    if (isRestore(options)) {
      const pending = takeRestore(this.deps, options);
      this.roomId = options.restore;
      session = pending.session;
      this.facilitatorHash = pending.facilitatorHash;
      this.stored = true;
      if (session.phase === "ended") this.autoDispose = true;
    } else {
      const parsed = workshopCreateOptions.safeParse(options ?? {});
      if (!parsed.success)
        throw joinError("join.bad_options", parsed.error.issues[0]?.message ?? "");
      const own = parsed.data.facilitatorToken;
      if (own !== undefined && !isStrongToken(own)) {
        throw joinError(
          "join.weak_token",
          "This facilitator token is too easy to guess: use a long random one.",
        );
      }
      const code = await this.allocateCode();
      const built = workshopConfig(parsed.data, {
        code,
        now: this.deps.now(),
        randomSeed: randomBytes(8).toString("hex"),
      });
      if (!built.ok) {
        this.deps.live.delete(code);
        await this.deps.ownership.release(code);
        throw joinError(built.error.code, built.error.message);
      }
      this.roomId = code;
      this.creatorToken = own ?? randomToken();
      this.facilitatorHash = sha256(this.creatorToken);
      this.record = {
        code,
        kind: "workshop",
        config: built.config,
        facilitatorHash: this.facilitatorHash,
        createdAt: built.config.createdAt,
      };
      session = createSession(built.config);
      // A creator who never connects leaves nothing behind: not stored, and the room goes.
      this.clock.setTimeout(() => {
        this.creatorToken = null;
        if (!this.stored) this.disconnect().catch(() => {});
      }, this.seatReservationTimeout * 1000);
    }
    this.deps.live.set(this.roomId, this);
    this.startSession(session);
  }

  /** A fresh code: not live in this process, not in the store, not live elsewhere. */
  private async allocateCode(): Promise<string> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const draws = Array.from({ length: JOIN_CODE_LENGTH }, () => randomInt(0, 1e9) / 1e9);
      const code = joinCodeFrom(draws);
      if (this.deps.live.has(code)) continue;
      // Reserved before the awaits, so a create running meanwhile cannot draw it too.
      this.deps.live.set(code, null);
      try {
        const taken =
          (await this.deps.store.exists(code)) ||
          (await matchMaker.query({ roomId: code })).length > 0;
        // Ours alone in the cluster, or drawn again (another process took it meanwhile).
        if (!taken && (await this.deps.ownership.acquire(code))) return code;
      } catch (error) {
        this.deps.live.delete(code);
        throw error;
      }
      this.deps.live.delete(code);
    }
    throw joinError("server.error", "No free join code.");
  }

  override onAuth(_client: ElanClient, options: unknown): JoinAuth {
    const parsed = workshopJoinOptions.safeParse(options ?? {});
    if (this.creatorToken && !this.stored) {
      // Until its creator is seated, a workshop has no one else to welcome.
      const creator =
        !parsed.success ||
        ("facilitatorToken" in parsed.data &&
          sha256(parsed.data.facilitatorToken) === this.facilitatorHash);
      if (!creator) throw joinError("join.not_ready", "The workshop is not open yet.");
      const token = this.creatorToken;
      this.creatorToken = null;
      return { role: "facilitator", playerId: "", name: "", token };
    }
    if (!this.stored) throw joinError("join.not_ready", "The workshop is not open yet.");
    if (!parsed.success)
      throw joinError("join.bad_options", "Join with { name } or { facilitatorToken }.");
    const o = parsed.data;
    if ("facilitatorToken" in o) {
      if (sha256(o.facilitatorToken) !== this.facilitatorHash) {
        throw joinError("join.bad_token", "Wrong facilitator token.");
      }
      return { role: "facilitator", playerId: "", name: "", token: o.facilitatorToken };
    }
    if ("projector" in o) return { role: "projector", playerId: "", name: "", token: "" };
    const name = checkName(o.name);
    if (!name.ok) throw joinError("join.bad_name", `The name is ${name.reason.replace("_", " ")}.`);
    const lower = name.name.toLocaleLowerCase();
    const existing = [...this.session.players.values()].find(
      (p) => p.name.toLocaleLowerCase() === lower,
    );
    if (existing) {
      if (o.seatToken && sha256(o.seatToken) === existing.tokenHash) {
        return { role: "player", playerId: existing.id, name: existing.name, token: o.seatToken };
      }
      if (o.seatToken)
        throw joinError("join.bad_token", "This seat token does not match the name.");
      throw joinError("join.name_taken", "Someone already uses this name in the room.");
    }
    if (this.session.phase === "ended") throw joinError("join.ended", "This workshop has ended.");
    if (this.session.playerOrder.length >= this.session.config.maxPlayers) {
      throw joinError("join.full", "The room is full.");
    }
    return { role: "player", playerId: "", name: name.name, token: "" };
  }

  override async onJoin(client: ElanClient, _options: unknown, auth: JoinAuth): Promise<void> {
    if (auth.role === "facilitator") {
      const refused = await this.storeRecord();
      if (refused) {
        this.disconnect().catch(() => {});
        throw joinError(refused.code, refused.message);
      }
      this.welcome(client, "facilitator", "");
      const message: FacilitatorMessage = { token: auth.token, code: this.roomId };
      sendTo(client, "facilitator", message);
      this.syncState();
    } else if (auth.role === "projector") {
      this.welcome(client, "projector", "");
      this.syncState();
    } else if (auth.playerId) {
      this.claimSeat(client, auth.playerId, auth.token);
    } else {
      const refused = await this.seatNewPlayer(client, auth.name);
      if (refused) throw joinError(refused.code, refused.message);
    }
  }

  protected override committed(): void {
    super.committed();
    // An ended workshop stays in the store (export) and its room may go once everyone left.
    if (this.session.phase === "ended") this.autoDispose = true;
  }

  override async onDispose(): Promise<void> {
    // Still "live here" until its writes are durable: a rejoin meanwhile must not replay a log
    // that misses them.
    await super.onDispose();
    if (this.deps.live.get(this.roomId) === this) this.deps.live.delete(this.roomId);
  }
}
