/**
 * One live connection to a room, as the screens see it: the latest RoomView, who we are in it,
 * whether the link is up, and a way to send intents. A dropped link is first left to the SDK's
 * own reconnection (same seat, within the server's grace period); if that fails (server restart,
 * long sleep) the session rejoins with the stored seat or facilitator token, forever backing off,
 * and swaps the new room in so the screens never notice.
 */
import type { Room } from "@colyseus/sdk";
import type { ClientMessage } from "../../../shared/protocol/messages";
import type {
  Ack,
  ActionMessageType,
  FacilitatorMessage,
  SeatMessage,
} from "../../../shared/protocol/serverMessages";
import type { DebriefData, QuarterReasons } from "../../../shared/protocol/view";
import type { MessageKey } from "../i18n/index";
import { errorKey, isFinalJoinRefusal } from "../viewmodels/errors";
import type { Role } from "../viewmodels/route";
import { ServerClock } from "./clock";
import { normalizeRoom, type ClientView, type DecodedState } from "./normalize";
import { onServer, requestServer } from "./wire";

export type ConnectionStatus = "connected" | "reconnecting" | "lost";

export interface Identity {
  role: Role;
  code: string;
  /** The server's player id (participants and solo), "" otherwise. */
  playerId: string;
  name: string;
}

export interface SessionEvents {
  change(): void;
  error(key: MessageKey): void;
  /** `moving`: the server handed the room over (a process draining), not a network failure. */
  status(status: ConnectionStatus, retryInMs: number, moving: boolean): void;
  seat(seat: SeatMessage): void;
  facilitator(message: FacilitatorMessage): void;
}

type Listeners = { [K in keyof SessionEvents]: Set<SessionEvents[K]> };

/** Colyseus close code of a deliberate leave. */
const CONSENTED = 4000;
/** Colyseus close code of a server going away on purpose: its rooms reopen on another process. */
const SERVER_SHUTDOWN = 4001;
/** After a hand-over the next host needs a moment to reopen the room, not the usual backoff. */
const MOVED_FIRST_DELAY_MS = 300;
const REQUEST_TIMEOUT_MS = 8000;
/** The replay log of a long game is the largest answer the server sends. */
const DEBRIEF_TIMEOUT_MS = 20_000;
const REJOIN_DELAYS_MS = [1000, 2000, 4000, 8000];
/** Clock samples: at each (re)join, a few seconds later, then every minute. */
const CLOCK_FIRST_RESAMPLE_MS = 5000;
const CLOCK_EVERY_MS = 60_000;

export class Session {
  view: ClientView | null = null;
  status: ConnectionStatus = "connected";
  facilitatorToken: string | null = null;
  /** The server's clock as seen from here: every countdown reads `serverNow()`. */
  readonly clock = new ServerClock();
  /**
   * Counts the rooms this session has been attached to: a rejoin after a server restart is a new
   * room whose draft revisions start again, so anything reconciled against the old one is void.
   */
  generation = 0;
  private room: Room;
  private clockTimer: ReturnType<typeof setTimeout> | undefined;
  private clockInterval: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  private attempts = 0;
  /** The server closed the room on purpose (draining): the banner says so, the rejoin is quick. */
  private moving = false;
  private readonly listeners: Listeners = {
    change: new Set(),
    error: new Set(),
    status: new Set(),
    seat: new Set(),
    facilitator: new Set(),
  };

  constructor(
    room: Room,
    public identity: Identity,
    /** How to get a fresh room when the SDK could not reconnect; null = cannot. */
    private readonly rejoin: ((session: Session) => Promise<Room>) | null,
  ) {
    this.room = room;
    this.attach(room);
  }

  on<K extends keyof SessionEvents>(event: K, listener: SessionEvents[K]): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  private emit<K extends keyof SessionEvents>(
    event: K,
    ...args: Parameters<SessionEvents[K]>
  ): void {
    for (const l of this.listeners[event])
      (l as (...a: Parameters<SessionEvents[K]>) => void)(...args);
  }

  get roomId(): string {
    return this.room.roomId;
  }

  /** The server's current epoch ms, read on this device's clock corrected by its offset. */
  serverNow(): number {
    return this.clock.now(Date.now());
  }

  /** My team, read from the live player list (the facilitator may move me). */
  get teamId(): string | null {
    const id = this.identity.playerId;
    if (!id || !this.view) return null;
    const teamId = this.view.players[id]?.teamId;
    return teamId && this.view.teams[teamId] ? teamId : null;
  }

  private attach(room: Room): void {
    this.generation++;
    // Drops during the first seconds are reconnected too (the SDK waits 5 s by default).
    room.reconnection.minUptime = 500;
    room.reconnection.maxRetries = 8;
    // A process that died never answers: ≈ 11 s of tries (not the SDK's ≈ 21 s) before the
    // rejoin by code finds the room wherever it reopened.
    room.reconnection.maxDelay = 2000;
    room.onStateChange((state: DecodedState) => {
      this.view = normalizeRoom(state);
      this.adoptPlayerByName();
      this.emit("change");
    });
    onServer(room, "seat", (seat) => {
      this.identity = { ...this.identity, playerId: seat.playerId, name: seat.name };
      this.emit("seat", seat);
      this.emit("change");
    });
    onServer(room, "facilitator", (message) => {
      this.facilitatorToken = message.token;
      this.emit("facilitator", message);
    });
    onServer(room, "error", (error) => this.emit("error", errorKey(error)));
    room.onDrop(() => this.setStatus("reconnecting", 0));
    room.onReconnect(() => {
      this.setStatus("connected", 0);
      void this.syncClock();
    });
    room.onLeave((code: number) => {
      if (this.closed || code === CONSENTED || room !== this.room) return;
      this.moving = code === SERVER_SHUTDOWN;
      void this.rejoinLoop();
    });
    this.scheduleClock();
  }

  /** One `clock` round trip; a server that does not answer it leaves the offset as it was. */
  async syncClock(): Promise<void> {
    const room = this.room;
    const sentAt = Date.now();
    try {
      const answer = await requestServer(room, "clock", {}, REQUEST_TIMEOUT_MS);
      if (room === this.room)
        this.clock.add({ sentAt, receivedAt: Date.now(), serverNow: answer.serverNow });
    } catch {
      // No answer (dropped link): the countdowns keep the last offset.
    }
  }

  private scheduleClock(): void {
    this.stopClock();
    void this.syncClock();
    this.clockTimer = setTimeout(() => void this.syncClock(), CLOCK_FIRST_RESAMPLE_MS);
    this.clockInterval = setInterval(() => void this.syncClock(), CLOCK_EVERY_MS);
  }

  private stopClock(): void {
    clearTimeout(this.clockTimer);
    clearInterval(this.clockInterval);
  }

  /** Names are unique in a room: if the seat message was missed, the name finds the player. */
  private adoptPlayerByName(): void {
    const { role, playerId, name } = this.identity;
    if (playerId || !this.view || (role !== "participant" && role !== "solo")) return;
    const wanted = name.toLocaleLowerCase();
    const players = Object.values(this.view.players);
    const found =
      players.find((p) => p.name.toLocaleLowerCase() === wanted) ??
      (role === "solo" && players.length === 1 ? players[0] : undefined);
    if (found) this.identity = { ...this.identity, playerId: found.id, name: found.name };
  }

  private setStatus(status: ConnectionStatus, retryInMs: number): void {
    this.status = status;
    if (status === "connected") this.moving = false;
    this.emit("status", status, retryInMs, this.moving);
  }

  private async rejoinLoop(): Promise<void> {
    if (!this.rejoin) {
      this.setStatus("lost", 0);
      return;
    }
    while (!this.closed) {
      const delay =
        this.moving && this.attempts === 0
          ? MOVED_FIRST_DELAY_MS
          : (REJOIN_DELAYS_MS[Math.min(this.attempts, REJOIN_DELAYS_MS.length - 1)] ?? 8000);
      this.attempts++;
      this.setStatus("lost", delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (this.closed) return;
      try {
        const room = await this.rejoin(this);
        if (this.closed) {
          void room.leave(true);
          return;
        }
        this.room = room;
        this.attempts = 0;
        this.attach(room);
        this.setStatus("connected", 0);
        return;
      } catch (error) {
        const key = errorKey(error);
        // A refusal that will not change by waiting (bad token, unknown code, ended): stop, say so.
        if (isFinalJoinRefusal(key)) {
          this.emit("error", key);
          this.setStatus("lost", -1);
          return;
        }
      }
    }
  }

  /** Sends an intent; refusals become a translated error event and `false`. */
  async send<T extends ActionMessageType>(type: T, payload: ClientMessage<T>): Promise<boolean> {
    return (await this.request(type, payload)) !== null;
  }

  /** Sends an intent and answers its `Ack`; a refusal becomes a translated error event and null. */
  async request<T extends ActionMessageType>(
    type: T,
    payload: ClientMessage<T>,
  ): Promise<Ack | null> {
    try {
      return await requestServer(this.room, type, payload, REQUEST_TIMEOUT_MS);
    } catch (error) {
      this.emit("error", errorKey(error));
      return null;
    }
  }

  async debriefData(): Promise<DebriefData> {
    return requestServer(this.room, "debrief.data", {}, DEBRIEF_TIMEOUT_MS);
  }

  /** Every team's reasons for the last revealed quarter (facilitator and projector only). */
  async quarterReasons(): Promise<QuarterReasons> {
    return requestServer(this.room, "results.reasons", {}, REQUEST_TIMEOUT_MS);
  }

  /** Resolves once the first state (and, for players, the seat) has arrived. */
  ready(timeoutMs = 8000): Promise<void> {
    const done = () =>
      this.view !== null &&
      (this.identity.role === "facilitator" ||
        this.identity.role === "projector" ||
        this.identity.playerId !== "");
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error("timed out waiting for the room"));
      }, timeoutMs);
      const off = this.on("change", () => {
        if (!done()) return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  }

  /** Cuts the socket as a network failure would (tests and the bench use it). */
  simulateDrop(): void {
    // 4010 is Colyseus's "may try to reconnect": the SDK and the server both treat it as a drop.
    this.room.connection.close(4010, "simulated drop");
  }

  async leave(): Promise<void> {
    this.closed = true;
    this.stopClock();
    try {
      await this.room.leave(true);
    } catch {
      // Already gone.
    }
  }
}
