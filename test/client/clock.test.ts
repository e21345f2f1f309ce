/**
 * Countdowns run on the server's clock: the offset from `clock` round trips (the sample with the
 * smallest round trip wins, unless the device clock jumped or the sample is old), and a session
 * on a device whose clock is wrong still counts down to the room's deadline.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Room } from "@colyseus/sdk";
import { CLOCK_SAMPLE_MAX_AGE_MS, ServerClock, better, estimate } from "../../client/src/net/clock";
import { Session } from "../../client/src/net/session";
import type { ClientView } from "../../client/src/net/normalize";
import { timerModel } from "../../client/src/viewmodels/timer";

describe("the server clock offset", () => {
  it("puts the server's reading at the local midpoint of the round trip", () => {
    expect(estimate({ sentAt: 1000, receivedAt: 1200, serverNow: 5100 })).toEqual({
      offset: 4000,
      roundTrip: 200,
      at: 1200,
    });
    expect(estimate({ sentAt: 1000, receivedAt: 900, serverNow: 5 })).toBeNull();
    expect(estimate({ sentAt: 1000, receivedAt: 1100, serverNow: Number.NaN })).toBeNull();
  });

  it("keeps the sample with the smallest round trip", () => {
    const clock = new ServerClock();
    expect(clock.offset).toBe(0);
    clock.add({ sentAt: 0, receivedAt: 400, serverNow: 10_250 }); // 10 050 ± 200
    clock.add({ sentAt: 1000, receivedAt: 1040, serverNow: 11_030 }); // 10 010 ± 20
    clock.add({ sentAt: 2000, receivedAt: 2300, serverNow: 12_200 }); // 10 050 ± 150
    expect(clock.offset).toBe(10_010);
    expect(clock.now(500)).toBe(10_510);
  });

  it("follows a device clock that jumped, and gives up a sample grown old", () => {
    const kept = { offset: 0, roundTrip: 20, at: 0 };
    // Error bars [−10, 10] and [4 990, 5 050] do not overlap: the device clock was changed.
    expect(better(kept, { offset: 5020, roundTrip: 60, at: 1000 }).offset).toBe(5020);
    // Overlapping and less precise: keep the precise one.
    expect(better(kept, { offset: 15, roundTrip: 60, at: 1000 })).toBe(kept);
    const late = { offset: 15, roundTrip: 60, at: CLOCK_SAMPLE_MAX_AGE_MS + 1 };
    expect(better(kept, late)).toBe(late);
  });
});

/** Just enough of a Colyseus Room for a Session: handlers, and `clock` answered by "the server". */
function fakeRoom(serverNow: () => number, latencyMs: number) {
  const state: { onState?: (s: unknown) => void } = {};
  const noop = () => () => undefined;
  const room = {
    roomId: "ABC234",
    reconnection: { minUptime: 0, maxRetries: 0 },
    onStateChange: (cb: (s: unknown) => void) => {
      state.onState = cb;
    },
    onMessage: noop,
    onDrop: noop,
    onReconnect: noop,
    onLeave: noop,
    request: (type: string) =>
      new Promise((resolve, reject) => {
        if (type !== "clock") return reject(new Error("unexpected"));
        // The server reads its clock halfway through the round trip.
        setTimeout(() => {
          const at = serverNow();
          setTimeout(() => resolve({ serverNow: at }), latencyMs / 2);
        }, latencyMs / 2);
      }),
    leave: async () => undefined,
  };
  return { room: room as unknown as Room, state };
}

describe("a countdown on a device whose clock is wrong", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows the room's remaining time, not the device's", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    // This phone's clock is two minutes fast.
    const skew = 120_000;
    const serverNow = () => Date.now() - skew;
    const { room, state } = fakeRoom(serverNow, 80);
    const session = new Session(
      room,
      { role: "participant", code: "ABC234", playerId: "p", name: "Ana" },
      null,
    );
    const decided: ClientView = {
      code: "ABC234",
      kind: "workshop",
      scenarioId: "default",
      language: "fr",
      pacing: "facilitator",
      phase: "decision",
      turn: 0,
      turnsTotal: 16,
      deadline: serverNow() + 90_000,
      paused: false,
      remainingMs: 0,
      event: [],
      revealed: false,
      show: "",
      showTeam: "",
      teams: {},
      players: {},
    };
    // As the SDK hands it over: a decoded schema whose JSON form is the view.
    state.onState?.({ toJSON: () => decided });
    await vi.advanceTimersByTimeAsync(100);
    expect(session.clock.offset).toBe(-skew);
    const view = session.view!;
    expect(timerModel(view, session.serverNow()).text).toBe("1:30");
    // The device's own clock would have said the time was up long ago.
    expect(timerModel(view, Date.now()).text).toBe("0:00");
    await vi.advanceTimersByTimeAsync(30_000);
    expect(timerModel(view, session.serverNow()).text).toBe("1:00");
    await session.leave();
  });
});
