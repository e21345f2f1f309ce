/**
 * Session logic without sockets: phases, pacing, the timer on an explicit clock, seats and
 * bots, and the event-sourcing guarantee (replaying the log lands on the same hash).
 */
import { describe, expect, it } from "vitest";
import { sessionHash } from "../../server/session/hash";
import { replaySession } from "../../server/session/session";
import { allocation } from "../helpers/clients";
import { FACILITATOR, player, SYSTEM, workshopHarness } from "../helpers/session";

describe("a facilitated session", () => {
  it("runs lobby → briefing → decision → results → … → debrief → ended", () => {
    const h = workshopHarness({ teams: 2, years: 1 });
    h.join("pa");
    h.join("pb");
    expect(h.state.players.get("pa")?.teamId).toBe("t1");
    expect(h.state.players.get("pb")?.teamId).toBe("t2");
    expect(h.act(FACILITATOR, { type: "game.start" })).toBeNull();
    for (let q = 1; q <= 4; q++) {
      expect(h.state.phase).toBe("briefing");
      expect(h.act(FACILITATOR, { type: "phase.next" })).toBeNull();
      expect(h.state.phase).toBe("decision");
      expect(
        h.act(player("pa"), { type: "allocation.submit", allocation: allocation() }),
      ).toBeNull();
      expect(
        h.act(player("pb"), { type: "allocation.submit", allocation: allocation() }),
      ).toBeNull();
      expect(h.state.phase).toBe("decision"); // facilitator pacing waits for the facilitator
      expect(h.act(FACILITATOR, { type: "phase.next" })).toBeNull();
      expect(h.state.phase).toBe("results");
      expect(h.state.game.turn).toBe(q);
      expect(h.act(FACILITATOR, { type: "phase.next" })).toBeNull();
    }
    expect(h.state.phase).toBe("debrief");
    expect(h.act(FACILITATOR, { type: "phase.next" })).toBeNull();
    expect(h.state.phase).toBe("ended");
    expect(h.state.sources.every((s) => s.t1 === "submitted" && s.t2 === "submitted")).toBe(true);
  });

  it("resolves by itself under auto pacing once every team has decided", () => {
    const h = workshopHarness({ teams: 2, pacing: "auto" });
    h.join("pa");
    h.act(FACILITATOR, { type: "team.bot", teamId: "t2", strategy: "balanced" });
    h.act(FACILITATOR, { type: "game.start" });
    h.act(FACILITATOR, { type: "phase.next" });
    expect(h.state.teams.get("t2")?.decisionSource).toBe("bot");
    h.act(player("pa"), { type: "allocation.submit", allocation: allocation() });
    expect(h.state.phase).toBe("results");
    expect(h.state.sources[0]).toEqual({ t1: "submitted", t2: "bot" });
  });

  it("takes the last draft, else the scenario default, when the timer runs out", () => {
    const h = workshopHarness({ teams: 2, decisionSeconds: 60 });
    h.join("pa");
    h.join("pb");
    h.act(FACILITATOR, { type: "game.start" });
    h.act(FACILITATOR, { type: "phase.next" });
    const deadline = h.state.timer.deadline;
    expect(deadline).toBe(h.now + 60_000);
    h.act(player("pa"), { type: "allocation.set", allocation: allocation({ campaigns: 0 }) });
    h.advance(59_000);
    expect(h.act(SYSTEM, { type: "timer.expire" })?.code).toBe("timer.not_running");
    h.advance(1_000);
    expect(h.act(SYSTEM, { type: "timer.expire" })).toBeNull();
    expect(h.state.sources[0]).toEqual({ t1: "draft", t2: "default" });
    expect(h.state.game.history.t1?.[0]?.allocation.campaigns).toBe(0);
  });

  it("pauses, resumes and extends the timer on the action clock", () => {
    const h = workshopHarness({ decisionSeconds: 60 });
    h.join("pa");
    h.act(FACILITATOR, { type: "game.start" });
    h.act(FACILITATOR, { type: "phase.next" });
    h.advance(10_000);
    h.act(FACILITATOR, { type: "timer.pause" });
    expect(h.state.timer).toEqual({ deadline: 0, paused: true, remainingMs: 50_000 });
    expect(h.act(FACILITATOR, { type: "timer.pause" })?.code).toBe("timer.not_running");
    h.act(FACILITATOR, { type: "timer.extend", seconds: 30 });
    expect(h.state.timer.remainingMs).toBe(80_000);
    h.advance(1_000_000);
    h.act(FACILITATOR, { type: "timer.resume" });
    expect(h.state.timer.deadline).toBe(h.now + 80_000);
    expect(h.act(FACILITATOR, { type: "timer.resume" })?.code).toBe("timer.not_paused");
    h.act(FACILITATOR, { type: "timer.extend", seconds: 10 });
    expect(h.state.timer.deadline).toBe(h.now + 90_000);
  });

  it("applies an injected event at the next resolution only", () => {
    const h = workshopHarness({ teams: 2 });
    h.join("pa");
    h.act(FACILITATOR, { type: "game.start" });
    expect(
      h.act(FACILITATOR, { type: "event.inject", eventId: "badBuzz", teams: ["t2"] }),
    ).toBeNull();
    h.act(FACILITATOR, { type: "phase.next" });
    h.act(FACILITATOR, { type: "phase.next" });
    expect(h.state.game.history.t1?.[0]?.events).toEqual([]);
    expect(h.state.game.history.t2?.[0]?.events).toEqual(["badBuzz"]);
    expect(h.state.pendingInjected).toEqual([]);
  });

  it("ends early on game.end and keeps the quarters played", () => {
    const h = workshopHarness();
    h.join("pa");
    h.act(FACILITATOR, { type: "game.start" });
    h.act(FACILITATOR, { type: "phase.next" });
    h.act(FACILITATOR, { type: "phase.next" });
    expect(h.act(FACILITATOR, { type: "game.end" })).toBeNull();
    expect(h.state.phase).toBe("ended");
    expect(h.state.endedAt).toBe(h.now);
    expect(h.act(FACILITATOR, { type: "game.end" })?.code).toBe("phase.wrong");
    expect(h.state.game.turn).toBe(1);
  });
});

describe("seats", () => {
  it("balances joins, lets the facilitator move and rename, and bots step aside for humans", () => {
    const h = workshopHarness({ teams: 3 });
    for (const id of ["a", "b", "c", "d"]) h.join(id);
    expect(["a", "b", "c", "d"].map((id) => h.state.players.get(id)?.teamId)).toEqual([
      "t1",
      "t2",
      "t3",
      "t1",
    ]);
    expect(h.act(FACILITATOR, { type: "team.bot", teamId: "t2", strategy: "buzz" })?.code).toBe(
      "team.has_humans",
    );
    h.act(FACILITATOR, { type: "player.move", playerId: "b", teamId: "t1" });
    expect(h.act(FACILITATOR, { type: "team.bot", teamId: "t2", strategy: "buzz" })).toBeNull();
    h.join("e"); // lands in t3 (t2 is a bot's now)
    expect(h.state.players.get("e")?.teamId).toBe("t3");
    h.act(player("e"), { type: "team.join", teamId: "t2" });
    expect(h.state.teams.get("t2")?.bot).toBeNull();
    expect(
      h.act(FACILITATOR, { type: "team.rename", teamId: "t2", name: "  Les  Lynx " }),
    ).toBeNull();
    expect(h.state.teams.get("t2")?.name).toBe("Les Lynx");
    expect(h.act(FACILITATOR, { type: "team.rename", teamId: "t2", name: "a\u0007b" })?.code).toBe(
      "team.bad_name",
    );
  });

  it("refuses a taken name, a full room, and gives up a seat only in the lobby", () => {
    const h = workshopHarness();
    h.join("a", "Ana");
    const dup = h.act(SYSTEM, { type: "player.join", playerId: "x", name: "ANA", tokenHash: "" });
    expect(dup?.code).toBe("join.name_taken");
    expect(h.act(SYSTEM, { type: "player.leave", playerId: "a" })).toBeNull();
    h.join("a2", "Ana");
    h.act(FACILITATOR, { type: "game.start" });
    expect(h.act(SYSTEM, { type: "player.leave", playerId: "a2" })?.code).toBe("phase.wrong");
    h.state.config.maxPlayers = 1;
    expect(
      h.act(SYSTEM, { type: "player.join", playerId: "z", name: "Zoé", tokenHash: "" })?.code,
    ).toBe("join.full");
  });
});

describe("event sourcing", () => {
  it("rebuilds the same state (hash) from config + log", () => {
    const h = workshopHarness({ teams: 3, pacing: "auto", decisionSeconds: 30 });
    h.join("a");
    h.join("b");
    h.act(FACILITATOR, { type: "team.bot", teamId: "t3", strategy: "adaptive" });
    h.act(FACILITATOR, { type: "game.start" });
    for (let q = 0; q < 3; q++) {
      h.act(FACILITATOR, { type: "event.inject", eventId: "newSponsor" });
      h.act(FACILITATOR, { type: "phase.next" });
      h.act(player("a"), { type: "allocation.set", allocation: allocation({ culture: q }) });
      h.advance(31_000);
      h.act(SYSTEM, { type: "timer.expire" });
      h.act(FACILITATOR, { type: "phase.next" });
    }
    h.act(FACILITATOR, { type: "phase.next" });
    h.act(player("b"), { type: "allocation.set", allocation: allocation() });
    const rebuilt = replaySession(h.config, h.log);
    expect(rebuilt.seq).toBe(h.log.length);
    expect(sessionHash(rebuilt)).toBe(sessionHash(h.state));
  });
});
