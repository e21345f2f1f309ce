/**
 * When a room goes away for good (the SDK's reconnection gave up, or the server closed it on
 * purpose), the session rejoins by code and swaps the new room in. A server that closes the
 * room on purpose (a process draining, code 4001) is handing it to another process: the banner
 * says so and the first try comes at once, not after the network backoff.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Room } from "@colyseus/sdk";
import { Session } from "../../client/src/net/session";

/** Just enough of a Colyseus Room: its handlers, a `leave` the test can trigger. */
function fakeRoom(roomId = "ABC234") {
  const handlers: { leave?: (code: number) => void } = {};
  const noop = () => () => undefined;
  const room = {
    roomId,
    reconnection: { minUptime: 0, maxRetries: 0, maxDelay: 0 },
    onStateChange: noop,
    onMessage: noop,
    onDrop: noop,
    onReconnect: noop,
    onLeave: (cb: (code: number) => void) => {
      handlers.leave = cb;
    },
    // `clock` is never answered: this test is about rooms, not time.
    request: () => new Promise(() => undefined),
    leave: async () => undefined,
  };
  return { room: room as unknown as Room, leave: (code: number) => handlers.leave?.(code) };
}

type Status = [string, number, boolean];

function watch(onLeave: (session: Session) => Promise<Room>) {
  const first = fakeRoom();
  const session = new Session(
    first.room,
    { role: "participant", code: "ABC234", playerId: "p", name: "Ana" },
    onLeave,
  );
  const statuses: Status[] = [];
  session.on("status", (status, retryInMs, moving) => statuses.push([status, retryInMs, moving]));
  return { session, first, statuses };
}

describe("a session whose room went away", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("rejoins at once, saying the workshop moves, when the server handed the room over", async () => {
    vi.useFakeTimers();
    const next = fakeRoom();
    const rejoin = vi.fn(async () => next.room);
    const { session, first, statuses } = watch(rejoin);
    first.leave(4001);
    expect(statuses).toEqual([["lost", 300, true]]);
    await vi.advanceTimersByTimeAsync(299);
    expect(rejoin).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(rejoin).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toEqual(["connected", 0, false]);
    // The new room is the session's now: its own departure is followed, the old one's is not.
    first.leave(4001);
    expect(statuses).toHaveLength(2);
    next.leave(4003);
    expect(statuses.at(-1)).toEqual(["lost", 1000, false]);
    await session.leave();
  });

  it("keeps trying with the network backoff while the next host is not ready", async () => {
    vi.useFakeTimers();
    const next = fakeRoom();
    let tries = 0;
    const rejoin = vi.fn(async () => {
      tries++;
      if (tries < 3) throw new Error("server.draining: The room is moving; try again.");
      return next.room;
    });
    const { session, first, statuses } = watch(rejoin);
    first.leave(4001);
    await vi.advanceTimersByTimeAsync(300);
    expect(statuses.at(-1)).toEqual(["lost", 2000, true]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(statuses.at(-1)).toEqual(["lost", 4000, true]);
    await vi.advanceTimersByTimeAsync(4000);
    expect(rejoin).toHaveBeenCalledTimes(3);
    expect(statuses.at(-1)).toEqual(["connected", 0, false]);
    await session.leave();
  });

  it("waits the network backoff after a failed reconnection (a dead process or a dead link)", async () => {
    vi.useFakeTimers();
    const next = fakeRoom();
    const rejoin = vi.fn(async () => next.room);
    const { session, first, statuses } = watch(rejoin);
    first.leave(4003); // the SDK's "failed to reconnect"
    expect(statuses).toEqual([["lost", 1000, false]]);
    await vi.advanceTimersByTimeAsync(999);
    expect(rejoin).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(statuses.at(-1)).toEqual(["connected", 0, false]);
    await session.leave();
  });
});
