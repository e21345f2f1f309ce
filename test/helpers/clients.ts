/**
 * Helpers for tests that drive the server with real @colyseus/sdk clients: waiting for a
 * condition on synchronized state, collecting messages, counting the raw bytes a client
 * receives, and checking that a request is refused with a given stable code.
 */
import { Client, type Room } from "@colyseus/sdk";
import { expect } from "vitest";
import type { Allocation, ErrorMessage, FacilitatorMessage, SeatMessage } from "../../shared/index";

// Decoded schema objects are dynamic: tests read them as loose records.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoom = Room<any, any>;

export async function waitFor(check: () => boolean, timeoutMs = 5000, what = "condition") {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Every message of `type` the room receives from now on. */
export function collect<T>(room: AnyRoom, type: string): T[] {
  const out: T[] = [];
  room.onMessage(type, (message: T) => out.push(message));
  return out;
}

export interface Facilitator {
  room: AnyRoom;
  token: string;
  code: string;
}

export async function createWorkshop(url: string, options: object): Promise<Facilitator> {
  const room: AnyRoom = await new Client(url).create("workshop", options);
  const got = collect<FacilitatorMessage>(room, "facilitator");
  await waitFor(() => got.length > 0, 5000, "facilitator message");
  const message = got[0] as FacilitatorMessage;
  return { room, token: message.token, code: message.code };
}

export interface Participant {
  room: AnyRoom;
  seat: SeatMessage;
  errors: ErrorMessage[];
}

export async function joinAs(url: string, code: string, options: object): Promise<Participant> {
  const room: AnyRoom = await new Client(url).joinById(code, options);
  const seats = collect<SeatMessage>(room, "seat");
  const errors = collect<ErrorMessage>(room, "error");
  await waitFor(() => seats.length > 0, 5000, "seat message");
  return { room, seat: seats[0] as SeatMessage, errors };
}

/** Total bytes and raw frames the client's socket receives from now on. */
export function tapBytes(room: AnyRoom): { total: () => number; frames: Uint8Array[] } {
  const frames: Uint8Array[] = [];
  const ws = (room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws;
  ws.addEventListener("message", (event: MessageEvent) => {
    const data = event.data as ArrayBuffer | Uint8Array;
    frames.push(data instanceof Uint8Array ? data : new Uint8Array(data));
  });
  return { total: () => frames.reduce((sum, f) => sum + f.byteLength, 0), frames };
}

/** `room.request` whose refusal reads `request "type" refused: code — message` in test output. */
export async function request<T = unknown>(
  room: AnyRoom,
  type: string,
  payload?: object,
): Promise<T> {
  try {
    return (await room.request(type, payload)) as T;
  } catch (e) {
    const reason = (e as { reason?: ErrorMessage }).reason;
    throw new Error(`request "${type}" refused: ${reason?.code} — ${reason?.message}`, {
      cause: e,
    });
  }
}

export async function expectRefused(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: { reason?: ErrorMessage }) => e,
  );
  expect(error, `expected refusal ${code}`).toBeDefined();
  expect(error?.reason?.code).toBe(code);
}

export async function expectJoinRefused(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: Error) => e,
  );
  expect(error, `expected join refusal ${code}`).toBeDefined();
  expect(error?.message.startsWith(`${code}: `), error?.message).toBe(true);
}

export const allocation = (over: Partial<Allocation> = {}): Allocation => ({
  longTerm: 2,
  culture: 2,
  governance: 1,
  support: 1,
  recruitment: 1,
  strategy: 1,
  campaigns: 2,
  ...over,
});
