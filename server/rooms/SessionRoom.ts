/**
 * What workshop and solo rooms share: the thin pipeline validate → plan → apply → log → copy
 * into the schema → acknowledge once durable, the per-viewer filter (one place decides which
 * teams' hidden drafts a connection sees), the decision timer on the room clock, and seats
 * that survive drops. The rules themselves live in ../session/.
 *
 * One message can never break more than itself: an exception while handling it is answered
 * with `server.error`, and if it struck while the session was being changed, the room throws
 * that state away and rebuilds it from its log, so state, log and sequence agree again. A write
 * the store refuses (full or read-only disk) does the same: the room goes back to what is
 * durable and says so; it never closes other rooms, and the process stays up.
 */
import { CloseCode, Room, type Delayed, type MessageContext } from "@colyseus/core";
import { randomBytes } from "node:crypto";
import {
  CLIENT_MESSAGE_TYPES,
  type Ack,
  type ClockMessage,
  type DebriefData,
  type ErrorMessage,
  type QuarterReasons,
  type ReasonView,
  type RoomView,
  type SeatMessage,
} from "../../shared/index";
import { sha256 } from "../session/hash";
import { isFacilitatorAction } from "../session/permissions";
import { teamsNobodyPlays } from "../session/roster";
import { plan, replaySession } from "../session/session";
import type { Actor, Envelope, Refusal, SessionAction, SessionState } from "../session/types";
import type { WorkshopRecord } from "../store/store";
import { decodeMessage, toIntent } from "./boundary";
import type { ElanClient, RoomDeps, Role, Seat } from "./deps";
import { DraftWriter } from "./draftWriter";
import { skipEmptyPatches } from "./patches";
import { newBucket, take } from "./rateLimit";
import { RoomState } from "./schema";
import { sendTo } from "./send";
import { lastReasons, roleView, type LiveExtras } from "./roleView";
import { syncRoomState, syncTeamState } from "./sync";
import { SharedViews, viewKeyOf } from "./views";

/** An accepted action is applied at once; `durable` resolves to its log position once stored. */
export type Outcome =
  | { ok: true; durable: Promise<number>; draftRev?: number; botTeams?: string[] }
  | { ok: false; error: Refusal };

export const randomToken = () => randomBytes(18).toString("base64url");

/**
 * At most one logged draft per team per window (see draftWriter.ts). An edit inside a window
 * waits for it to close before it is acknowledged, so the window sets the tail of draft acks:
 * with 200 ms, bench:server's draft ack p95 was ~200 ms (submits: ~40 ms); 50 ms halves it
 * (docs/performance.md) and a flood still writes at most 20 rows a second per team.
 */
export const DRAFT_WINDOW_MS = 50;
/** While the store refuses writes, an expired timer tries again this often, not in a loop. */
const STORE_RETRY_MS = 1000;

const SERVER_ERROR: Refusal = {
  code: "server.error",
  message: "The server could not handle this; nothing was changed. Try again.",
};
const MOVING: Refusal = {
  code: "server.draining",
  message: "This workshop is moving to another server; nothing was changed. Try again in a moment.",
};
const NOT_STORED: Refusal = {
  code: "server.error",
  message: "The server could not store this action (its disk refused the write); it was undone.",
};

const isRequestContext = (value: unknown): value is MessageContext =>
  typeof (value as { reject?: unknown } | null)?.reject === "function";

const isDraftEdit = (e: Envelope): boolean =>
  e.by.kind === "player" &&
  (e.action.type === "allocation.set" || e.action.type === "allocation.adjust");

export abstract class SessionRoom extends Room<{ state: RoomState; client: ElanClient }> {
  override state = new RoomState();
  /**
   * Changes are sent 4 times a second: co-editing stays live to the eye, and edits that fall in
   * one tick reach each viewer as one frame (bench:server: 11.7 → 10.1 patch messages per action
   * against 10 a second); a new phase goes out at once (patchSoon). The room clock ticks with
   * the patches, so what needs a finer timer (the draft window) does not use it.
   */
  override patchRate = 250;
  /** Backstop only: the token bucket answers floods with `rate.limited` long before this. */
  override maxMessagesPerSecond = 100;
  protected abstract readonly deps: RoomDeps;
  /** The truth the schema mirrors; read by the HTTP API for exports. */
  session!: SessionState;
  /** The store record, written when the room's first seat is taken (never for abandoned rooms). */
  protected record: WorkshopRecord | null = null;
  protected stored = false;
  /** Which connection holds each player's seat right now. */
  private readonly holders = new Map<string, ElanClient>();
  private timer: Delayed | undefined;
  private patchQueued = false;
  private timerDeadline = 0;
  private readonly views = new SharedViews(this.state);
  /** Accepted draft edits per team in this room (reconciliation by sequence on the client). */
  private readonly draftRevs = new Map<string, number>();
  /** Bumped when the session is rebuilt from the log: late store failures of before are moot. */
  private generation = 0;
  /** The rebuild under way, if any: actions are refused until the log is replayed. */
  private rebuilding: Promise<void> | null = null;
  private closing = false;
  /** Being handed to another process (drain, lost ownership): no new action is taken. */
  private handingOver = false;
  /** Writes queued and not yet settled: a room is released only once they are. */
  private readonly writes = new Set<Promise<unknown>>();
  private readonly drafts = new DraftWriter({
    windowMs: DRAFT_WINDOW_MS,
    now: () => this.deps.now(),
    schedule: (fn, ms) => {
      const timer = setTimeout(() => this.guard("draft flush", fn), ms);
      return { clear: () => clearTimeout(timer) };
    },
    write: (teamId) => this.logDraft(teamId),
  });
  private readonly extras: LiveExtras = {
    isConnected: (playerId) => this.holders.has(playerId),
    draftRev: (teamId) => this.draftRevs.get(teamId) ?? 0,
  };

  protected startSession(session: SessionState): void {
    this.session = session;
    for (const type of CLIENT_MESSAGE_TYPES) {
      this.onMessage(type, (client: ElanClient, payload: unknown, ctx: MessageContext) =>
        this.receive(client, type, payload, ctx),
      );
    }
    this.onMessage("*", (client: ElanClient, type: string | number, payload: unknown) => {
      // A *request* whose type is "*" reaches this handler as (client, payload, ctx).
      // (A decoded payload never holds a function: only a request context has `reject`.)
      if (isRequestContext(payload)) {
        payload.reject({ code: "message.unknown", message: 'Unknown message "*".' });
        return;
      }
      this.receive(client, type, payload, undefined);
    });
    this.syncState();
    this.scheduleTimer();
  }

  /** Writes the room's record once, before its first logged action. */
  protected async storeRecord(): Promise<Refusal | null> {
    if (this.stored || !this.record) return null;
    try {
      await this.deps.store.create(this.record);
      this.stored = true;
      return null;
    } catch (error) {
      console.error(`[${this.roomId}] could not store the new room:`, error);
      return { code: "server.error", message: "The server could not store this game; try again." };
    }
  }

  private lastStatus = "";

  /**
   * After every accepted action: the status row beside the log (phase, quarter) follows. It is
   * a convenience for listings — a failed write shows in the store's health, nothing else.
   */
  protected committed(): void {
    const { phase, game, endedAt } = this.session;
    const key = `${phase}:${game.turn}:${endedAt}`;
    if (key === this.lastStatus || !this.stored) return;
    this.lastStatus = key;
    this.deps.store.setStatus(this.roomId, { phase, turn: game.turn, endedAt }).catch(() => {});
  }

  /** Runs room-clock work so that a throw is logged, never an uncaught exception. */
  private guard(what: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      console.error(`[${this.roomId}] ${what} failed:`, error);
    }
  }

  private receive(
    client: ElanClient,
    type: string | number,
    payload: unknown,
    ctx: MessageContext | undefined,
  ): unknown {
    try {
      return this.handle(client, type, payload, ctx, performance.now());
    } catch (error) {
      console.error(`[${this.roomId}] message "${String(type).slice(0, 40)}" failed:`, error);
      return this.refuse(client, ctx, SERVER_ERROR);
    }
  }

  private handle(
    client: ElanClient,
    type: string | number,
    payload: unknown,
    ctx: MessageContext | undefined,
    receivedAt: number,
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
    if (intent.kind === "clock") return this.clockReply(client, ctx);
    if (intent.kind === "reasons") return this.reasonsReply(client, ctx);
    const by = this.actorOf(seat, intent.action);
    if ("code" in by) return this.refuse(client, ctx, by);
    const outcome = this.commitAction({ at: this.deps.now(), by, action: intent.action });
    if (!outcome.ok) return this.refuse(client, ctx, outcome.error);
    const { draftRev, botTeams } = outcome;
    // The acknowledgement waits until the action is durable.
    return outcome.durable.then(
      (seq): Ack => {
        const ackMs = performance.now() - receivedAt;
        this.deps.metrics.actionAccepted(this.session.config.kind, intent.action.type, ackMs);
        return {
          ok: true,
          seq,
          ...(draftRev === undefined ? {} : { draftRev }),
          ...(botTeams?.length ? { botTeams } : {}),
        };
      },
      () => this.refuse(client, ctx, NOT_STORED),
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
    this.deps.metrics.actionRefused(this.session.config.kind, error.code);
    if (ctx?.id !== undefined) ctx.reject(error);
    else sendTo(client, "error", error);
  }

  private clockReply(client: ElanClient, ctx: MessageContext | undefined): ClockMessage {
    const message: ClockMessage = { serverNow: this.deps.now() };
    if (ctx?.id === undefined) sendTo(client, "clock", message);
    return message;
  }

  /**
   * Every team's reasons for the last revealed quarter, for the screens that show all of them
   * (the projector). A participant sees only their own team's, in its private part.
   */
  private reasonsReply(
    client: ElanClient,
    ctx: MessageContext | undefined,
  ): QuarterReasons | undefined {
    const role = client.userData?.role;
    if (role !== "facilitator" && role !== "projector") {
      this.refuse(client, ctx, {
        code: "role.not_facilitator",
        message:
          "A team sees its own reasons; every team's are for the facilitator and the projector.",
      });
      return undefined;
    }
    const teams: Record<string, ReasonView[]> = {};
    for (const id of this.session.game.teamIds) teams[id] = lastReasons(this.session, id);
    const message: QuarterReasons = { turn: this.session.game.turn, teams };
    if (ctx?.id === undefined) sendTo(client, "results.reasons", message);
    return message;
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
    if (ctx?.id === undefined) sendTo(client, "debrief.data", data);
    return data;
  }

  /**
   * plan → apply → log → sync. Acknowledgements wait for `durable`. Draft edits are folded per
   * team (draftWriter.ts); anything else first flushes them, so the log keeps the true order.
   */
  protected commitAction(envelope: Envelope): Outcome {
    if (this.handingOver) return { ok: false, error: MOVING };
    if (this.closing || this.rebuilding) return { ok: false, error: SERVER_ERROR };
    if (!this.stored) {
      return { ok: false, error: { code: "join.not_ready", message: "The room is not open yet." } };
    }
    const draft = isDraftEdit(envelope);
    const planned = plan(this.session, envelope);
    if (!planned.ok) return planned;
    // Pending drafts are already in the state; logging them first keeps the log's order true.
    if (!draft) this.drafts.flushAll();
    const { phase, game } = this.session;
    const turn = game.turn;
    const botTeams =
      envelope.action.type === "game.start" ? teamsNobodyPlays(this.session) : undefined;
    try {
      planned.commit();
    } catch (error) {
      this.rebuild(`applying "${envelope.action.type}"`, error);
      return { ok: false, error: SERVER_ERROR };
    }
    let durable: Promise<number>;
    let draftRev: number | undefined;
    const teamId = this.teamOf(envelope.by);
    if (draft && teamId) {
      draftRev = (this.draftRevs.get(teamId) ?? 0) + 1;
      this.draftRevs.set(teamId, draftRev);
      durable = this.drafts.edited(teamId);
    } else {
      durable = this.log(envelope);
    }
    const samePhase = phase === this.session.phase && turn === this.session.game.turn;
    this.guard("syncing the state", () => this.afterCommit(envelope, teamId, samePhase));
    this.guard("recording the status", () => this.committed());
    return { ok: true, durable, ...(draftRev === undefined ? {} : { draftRev }), botTeams };
  }

  private teamOf(by: Actor): string | undefined {
    return by.kind === "player" ? this.session.players.get(by.playerId)?.teamId : undefined;
  }

  /** Counts the action in `seq` and queues it for the store. */
  private log(envelope: Envelope): Promise<number> {
    const seq = this.session.seq + 1;
    this.session.seq = seq;
    const generation = this.generation;
    let durable: Promise<void>;
    try {
      durable = this.deps.store.append(this.roomId, seq, envelope);
    } catch (error) {
      durable = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const settled = durable.catch(() => {}).finally(() => this.writes.delete(settled));
    this.writes.add(settled);
    return durable.then(
      () => seq,
      async (error: unknown) => {
        if (generation === this.generation) this.rebuild("storing an action", error);
        // The refusal goes out once the room is back to what is durable.
        await this.rebuilding;
        throw error;
      },
    );
  }

  /** The team's draft as it stands, logged as one `allocation.set` by its last editor. */
  private logDraft(teamId: string): Promise<number> {
    const team = this.session.teams.get(teamId);
    if (!team?.draft || !team.draftBy) return Promise.resolve(this.session.seq);
    return this.log({
      at: this.deps.now(),
      by: { kind: "player", playerId: team.draftBy },
      action: { type: "allocation.set", allocation: { ...team.draft } },
    });
  }

  /**
   * Throws away the live session and replays the log: every durable row, once the writes
   * queued before have settled (a write that failed was never acknowledged, so it is not
   * replayed). Used when applying an action threw half-way, or when the store refused a write.
   * Actions are refused until it is done. If even the log cannot be read back, the room closes;
   * its workshop stays in the store, restorable later.
   */
  private rebuild(why: string, error: unknown): void {
    console.error(`[${this.roomId}] ${why} failed; rebuilding the room from its log:`, error);
    this.generation += 1;
    this.drafts.cancelAll(new Error("The room was rebuilt from its log."));
    const done: Promise<void> = this.replayLog(this.generation).finally(() => {
      if (this.rebuilding === done) this.rebuilding = null;
    });
    this.rebuilding = done;
  }

  private async replayLog(generation: number): Promise<void> {
    try {
      const stored = await this.deps.store.load(this.roomId);
      // A newer rebuild started meanwhile: its replay saw at least as much; leave it the room.
      if (generation !== this.generation) return;
      if (!stored) throw new Error("the room has no stored record");
      this.session = replaySession(stored.record.config, stored.log);
      this.syncState();
      this.scheduleTimer();
    } catch (fatal) {
      if (generation !== this.generation) return;
      console.error(`[${this.roomId}] the log cannot be read back; closing this room:`, fatal);
      this.closing = true;
      this.disconnect(CloseCode.SERVER_SHUTDOWN).catch(() => {});
    }
  }

  /** A draft or submission that did not move the phase touches one team: sync just that. */
  private afterCommit(envelope: Envelope, teamId: string | undefined, samePhase: boolean): void {
    const { action } = envelope;
    const drafting =
      action.type === "allocation.set" ||
      action.type === "allocation.adjust" ||
      action.type === "allocation.submit";
    if (drafting && samePhase && teamId) {
      syncTeamState(this.state, this.session, teamId, this.extras);
    } else this.syncState();
    if (!samePhase) this.patchSoon();
    this.scheduleTimer();
  }

  /**
   * A new phase or quarter reaches every screen at once rather than at the next tick: the
   * 250 ms coalescing is for edits, not for a decision phase opening under a waiting finger or
   * a reveal. After the handler (a patch ticks the room clock, whose timers commit actions).
   */
  private patchSoon(): void {
    if (this.patchQueued) return;
    this.patchQueued = true;
    setImmediate(() => {
      this.patchQueued = false;
      this.guard("sending a new phase", () => this.broadcastPatch());
    });
  }

  protected syncState(): void {
    syncRoomState(this.state, this.session, this.extras);
    for (const client of this.clients) {
      if (client.userData) this.views.assign(client, viewKeyOf(client.userData, this.session));
    }
  }

  /**
   * The room as the connection `sessionId` should decode it, built from the session rather than
   * from the schema (roleView.ts): the reference the wire contract test holds clients to.
   */
  viewOf(sessionId: string): RoomView | undefined {
    const seat = this.clients.getById(sessionId)?.userData;
    if (!seat) return undefined;
    return roleView(this.session, this.extras, viewKeyOf(seat, this.session));
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
      () =>
        this.guard("the decision timer", () => {
          this.commitAction({
            at: Math.max(this.deps.now(), deadline),
            by: { kind: "system" },
            action: { type: "timer.expire" },
          });
        }),
      this.deps.store.health().ok
        ? Math.max(0, deadline - this.deps.now())
        : Math.max(STORE_RETRY_MS, deadline - this.deps.now()),
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
    try {
      await outcome.durable;
    } catch {
      this.holders.delete(playerId);
      return NOT_STORED;
    }
    this.sendSeat(client, playerId, token);
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
    const player = this.session.players.get(playerId);
    const seat: SeatMessage = {
      playerId,
      name: player?.name ?? "",
      teamId: player?.teamId ?? "",
      token,
    };
    sendTo(client, "seat", seat);
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

  get leaving(): boolean {
    return this.handingOver;
  }

  /** Resolves once every write queued so far has settled (stored or refused). */
  protected async settled(): Promise<void> {
    while (this.writes.size > 0) await Promise.all([...this.writes]);
  }

  /**
   * Hands the room over to whichever process reopens it (this one draining): no new action,
   * the drafts written, every queued write settled, then every client told to come back
   * (4001 SERVER_SHUTDOWN: the client rejoins by code at once and lands on the reopened room).
   * `durable` says whether this process may still write (false: its ownership is gone).
   */
  async handOver(durable = true): Promise<void> {
    if (this.handingOver) return;
    this.handingOver = true;
    this.timer?.clear();
    await this.lock();
    if (durable) this.guard("flushing drafts", () => this.drafts.flushAll());
    else this.drafts.cancelAll(new Error("The room moved to another process."));
    await this.settled();
    await this.disconnect(CloseCode.SERVER_SHUTDOWN);
  }

  override async onDispose(): Promise<void> {
    // Whatever the window still holds is written before the room goes (shutdown, last leave).
    if (!this.handingOver) this.guard("flushing drafts", () => this.drafts.flushAll());
    this.timer?.clear();
    this.views.dispose();
    await this.settled();
    // Only now may another process reopen it: everything this room acknowledged is durable.
    await this.deps.ownership.release(this.roomId).catch(() => {});
  }
}
