/**
 * What workshop and solo rooms share: the thin pipeline validate → plan → persist → commit →
 * copy into the schema → acknowledge, the per-viewer filter (one place decides which teams'
 * hidden drafts a connection sees), the decision timer on the room clock, and seats that
 * survive drops. The rules themselves live in ../session/.
 */
import { CloseCode, Room, type Delayed, type MessageContext } from "@colyseus/core";
import { randomBytes } from "node:crypto";
import {
  CLIENT_MESSAGE_TYPES,
  type Ack,
  type DebriefData,
  type ErrorMessage,
  type SeatMessage,
} from "../../shared/index";
import { sha256 } from "../session/hash";
import { isFacilitatorAction } from "../session/permissions";
import { plan } from "../session/session";
import type { Actor, Envelope, Refusal, SessionAction, SessionState } from "../session/types";
import { decodeMessage, toIntent } from "./boundary";
import type { ElanClient, RoomDeps, Role, Seat } from "./deps";
import { newBucket, take } from "./rateLimit";
import { RoomState } from "./schema";
import { syncRoomState, syncTeamState } from "./sync";
import { SharedViews, viewKeyOf } from "./views";
import { skipEmptyPatches } from "./patches";

/** An accepted action is applied at once; `durable` settles when the store has it. */
export type Outcome =
  { ok: true; seq: number; durable: Promise<void> } | { ok: false; error: Refusal };

const DURABLE: Promise<void> = Promise.resolve();

export const randomToken = () => randomBytes(18).toString("base64url");

export abstract class SessionRoom extends Room<{ state: RoomState; client: ElanClient }> {
  override state = new RoomState();
  /** Drafts and submissions need no 20 fps: 10 patches a second keep co-editing live. */
  override patchRate = 100;
  /** Backstop only: the token bucket answers floods with `rate.limited` long before this. */
  override maxMessagesPerSecond = 100;
  protected abstract readonly deps: RoomDeps;
  /** The truth the schema mirrors; read by the HTTP API for exports. */
  session!: SessionState;
  /** Which connection holds each player's seat right now. */
  private readonly holders = new Map<string, ElanClient>();
  private timer: Delayed | undefined;
  private timerDeadline = 0;
  private readonly views = new SharedViews(this.state);

  protected startSession(session: SessionState): void {
    this.session = session;
    for (const type of CLIENT_MESSAGE_TYPES) {
      this.onMessage(type, (client: ElanClient, payload: unknown, ctx: MessageContext) =>
        this.receive(client, type, payload, ctx),
      );
    }
    this.onMessage("*", (client: ElanClient, type: string | number, payload: unknown) => {
      this.receive(client, type, payload, undefined);
    });
    this.syncState();
    this.scheduleTimer();
  }

  /** Queues the action for the store; workshops override this, solo keeps no log. */
  protected persist(_envelope: Envelope, _seq: number): Promise<void> {
    return DURABLE;
  }

  /** Called after every accepted action (status bookkeeping). */
  protected committed(): void {}

  private receive(
    client: ElanClient,
    type: string | number,
    payload: unknown,
    ctx: MessageContext | undefined,
  ): unknown {
    const seat = client.userData;
    if (!seat) return undefined;
    if (!take(seat.bucket, this.deps.rateLimit, this.deps.now())) {
      return this.refuse(client, ctx, { code: "rate.limited", message: "Too many messages." });
    }
    const decoded = decodeMessage(type, payload);
    if (!decoded.ok) return this.refuse(client, ctx, decoded.error);
    const intent = toIntent(decoded);
    if (intent.kind === "debrief") return this.debrief(client, ctx);
    const by = this.actorOf(seat, intent.action);
    if ("code" in by) return this.refuse(client, ctx, by);
    const outcome = this.commitAction({ at: this.deps.now(), by, action: intent.action });
    if (!outcome.ok) return this.refuse(client, ctx, outcome.error);
    const ack: Ack = { ok: true, seq: outcome.seq };
    // The acknowledgement waits until the action is durable.
    return outcome.durable.then(
      () => ack,
      () =>
        this.refuse(client, ctx, { code: "server.error", message: "Could not store the action." }),
    );
  }

  private actorOf(seat: Seat, action: SessionAction): Actor | Refusal {
    if (seat.role === "facilitator") return { kind: "facilitator" };
    if (seat.role === "player") return { kind: "player", playerId: seat.playerId };
    return isFacilitatorAction(action.type)
      ? { code: "role.not_facilitator", message: "The projector only watches." }
      : { code: "team.not_member", message: "The projector only watches." };
  }

  /** A refused request rejects with `{code, message}`; a refused plain message gets `error`. */
  private refuse(client: ElanClient, ctx: MessageContext | undefined, error: ErrorMessage): void {
    if (ctx?.id !== undefined) ctx.reject(error);
    else client.send("error", error);
  }

  private debrief(client: ElanClient, ctx: MessageContext | undefined): DebriefData | undefined {
    const { phase, game } = this.session;
    if (phase !== "debrief" && phase !== "ended") {
      this.refuse(client, ctx, {
        code: "debrief.not_yet",
        message: "The debrief comes at the end.",
      });
      return undefined;
    }
    const data: DebriefData = {
      scenario: game.scenario,
      seed: game.seed,
      teamIds: [...game.teamIds],
      log: game.log,
    };
    if (ctx?.id === undefined) client.send("debrief.data", data);
    return data;
  }

  /**
   * plan → queue for the store → apply → sync. Acknowledgements wait for `durable`; if the
   * store fails, the room closes (clients come back to the state rebuilt from the log).
   */
  protected commitAction(envelope: Envelope): Outcome {
    const planned = plan(this.session, envelope);
    if (!planned.ok) return planned;
    const { phase, game } = this.session;
    const turn = game.turn;
    const durable = this.persist(envelope, this.session.seq + 1);
    durable.catch((error: unknown) => this.storeFailed(error));
    planned.commit();
    this.afterCommit(envelope, phase === this.session.phase && turn === this.session.game.turn);
    this.committed();
    return { ok: true, seq: this.session.seq, durable };
  }

  private storeFailed(error: unknown): void {
    console.error(`[${this.roomId}] the store refused an action; closing the room:`, error);
    this.disconnect().catch(() => {});
  }

  /** A draft or submission that did not move the phase touches one team: sync just that. */
  private afterCommit(envelope: Envelope, samePhase: boolean): void {
    const { action, by } = envelope;
    const drafting = action.type === "allocation.set" || action.type === "allocation.submit";
    const teamId = by.kind === "player" ? this.session.players[by.playerId]?.teamId : undefined;
    if (drafting && samePhase && teamId) syncTeamState(this.state, this.session, teamId);
    else this.syncState();
    this.scheduleTimer();
  }

  protected syncState(): void {
    syncRoomState(this.state, this.session, (id) => this.holders.has(id));
    for (const client of this.clients) {
      if (client.userData) this.views.assign(client, viewKeyOf(client.userData, this.session));
    }
  }

  /** One room-clock timeout per deadline; drafts and submissions leave it alone. */
  private scheduleTimer(): void {
    const { phase, timer } = this.session;
    const running = phase === "decision" && !timer.paused && timer.deadline > 0;
    const deadline = running ? timer.deadline : 0;
    if (deadline === this.timerDeadline && (deadline === 0 || this.timer?.active)) return;
    this.timer?.clear();
    this.timer = undefined;
    this.timerDeadline = deadline;
    if (!running) return;
    this.timer = this.clock.setTimeout(
      () => {
        this.commitAction({
          at: Math.max(this.deps.now(), deadline),
          by: { kind: "system" },
          action: { type: "timer.expire" },
        });
      },
      Math.max(0, deadline - this.deps.now()),
    );
  }

  // --- seats -------------------------------------------------------------------------------

  protected welcome(client: ElanClient, role: Role, playerId: string): void {
    skipEmptyPatches(client);
    client.userData = {
      role,
      playerId,
      viewKey: null,
      bucket: newBucket(this.deps.rateLimit, this.deps.now()),
    };
  }

  /** A newcomer: the seat is an accepted (logged) action; the token goes to the client only. */
  protected async seatNewPlayer(client: ElanClient, name: string): Promise<Refusal | null> {
    const playerId = `p${randomBytes(5).toString("hex")}`;
    const token = randomToken();
    // Seated before the commit, so the commit's one sync already shows the player connected.
    this.welcome(client, "player", playerId);
    this.holders.set(playerId, client);
    const outcome = this.commitAction({
      at: this.deps.now(),
      by: { kind: "system" },
      action: { type: "player.join", playerId, name, tokenHash: sha256(token) },
    });
    if (!outcome.ok) {
      this.holders.delete(playerId);
      return outcome.error;
    }
    this.sendSeat(client, playerId, token);
    await outcome.durable;
    return null;
  }

  /** Gives the seat to this connection; a stale connection holding it is closed. */
  protected claimSeat(client: ElanClient, playerId: string, token: string): void {
    this.welcome(client, "player", playerId);
    const previous = this.holders.get(playerId);
    this.holders.set(playerId, client);
    if (previous && previous !== client)
      previous.leave(CloseCode.CONSENTED, "seat taken elsewhere");
    this.sendSeat(client, playerId, token);
    this.syncState();
  }

  private sendSeat(client: ElanClient, playerId: string, token: string): void {
    const player = this.session.players[playerId];
    const seat: SeatMessage = {
      playerId,
      name: player?.name ?? "",
      teamId: player?.teamId ?? "",
      token,
    };
    client.send("seat", seat);
  }

  override onDrop(client: ElanClient): void {
    this.release(client);
    // Refused while the room is disposing (shutdown): nothing to keep then.
    Promise.resolve(this.allowReconnection(client, this.deps.graceSeconds)).catch(() => {});
  }

  override onReconnect(client: ElanClient): void {
    skipEmptyPatches(client);
    const seat = client.userData;
    if (seat?.role === "player") this.holders.set(seat.playerId, client);
    this.syncState();
  }

  override onLeave(client: ElanClient, code?: number): void {
    const seat = client.userData;
    const held = seat?.role === "player" && this.holders.get(seat.playerId) === client;
    this.release(client);
    if (held && seat && code === CloseCode.CONSENTED && this.session.phase === "lobby") {
      this.commitAction({
        at: this.deps.now(),
        by: { kind: "system" },
        action: { type: "player.leave", playerId: seat.playerId },
      });
    }
  }

  private release(client: ElanClient): void {
    const seat = client.userData;
    if (seat?.role === "player" && this.holders.get(seat.playerId) === client) {
      this.holders.delete(seat.playerId);
      this.syncState();
    }
  }

  override onDispose(): void {
    this.timer?.clear();
    this.views.dispose();
  }
}
