/**
 * The room sends edits 4 times a second (coalesced) but a new phase at once: a screen never
 * waits a tick to learn that decisions are open or a quarter is revealed. Deterministic: the
 * patch of a phase change leaves before the store has acknowledged the action that made it,
 * so on the same connection the new phase is always there when the Ack arrives.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allocation, createWorkshop, joinAs, request, waitFor } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("patch cadence", () => {
  it("shows a new phase with the Ack of the action that opened it, edits within a tick", async () => {
    const fac = await createWorkshop(server.url, {
      teams: 2,
      years: 1,
      pacing: "auto",
      decisionSeconds: 600,
    });
    const a = await joinAs(server.url, fac.code, { name: "Ana" });
    const b = await joinAs(server.url, fac.code, { name: "Ben" });
    await waitFor(() => fac.room.state.players.size === 2, 5000, "two players");

    await request(fac.room, "game.start");
    expect(fac.room.state.phase).toBe("briefing");
    await request(fac.room, "phase.next");
    expect(fac.room.state.phase).toBe("decision");

    // Submissions that reveal the quarter: the last one's Ack comes with the results.
    await request(a.room, "allocation.submit", { allocation: allocation() });
    await request(b.room, "allocation.submit", { allocation: allocation() });
    expect(b.room.state.phase).toBe("results");
    expect(b.room.state.turn).toBe(1);

    // The next quarter: its briefing, then its decisions.
    await request(fac.room, "phase.next");
    expect(fac.room.state.phase).toBe("briefing");
    await request(fac.room, "phase.next");
    expect(fac.room.state.phase).toBe("decision");
    expect(fac.room.state.turn).toBe(1);

    // A draft edit is not a phase change: it reaches the teammate on the room's tick.
    const before = b.room.state.teams.get(b.seat.teamId)?.private?.draftRev ?? 0;
    await request(b.room, "allocation.set", {
      allocation: allocation({ culture: 3, campaigns: 1 }),
    });
    await waitFor(
      () => (b.room.state.teams.get(b.seat.teamId)?.private?.draftRev ?? 0) > before,
      5000,
      "the draft's patch",
    );
  });
});
