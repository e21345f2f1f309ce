/**
 * Every refusal the session can give, each checked to leave the state byte-for-byte unchanged
 * (same hash before and after), plus the message boundary and the rate limiter.
 */
import { describe, expect, it } from "vitest";
import { decodeMessage } from "../../server/rooms/boundary";
import { newBucket, take } from "../../server/rooms/rateLimit";
import { sessionHash } from "../../server/session/hash";
import type { Actor, SessionAction } from "../../server/session/types";
import { allocation } from "../helpers/clients";
import { FACILITATOR, player, SYSTEM, workshopHarness } from "../helpers/session";

type Case = [label: string, by: Actor, action: SessionAction, code: string];

describe("session refusals leave the state unchanged", () => {
  const h = workshopHarness({ teams: 2, decisionSeconds: 0 });
  h.join("pa");
  h.join("pb");
  const inLobby: Case[] = [
    [
      "allocation in lobby",
      player("pa"),
      { type: "allocation.set", allocation: allocation() },
      "phase.wrong",
    ],
    ["phase.next in lobby", FACILITATOR, { type: "phase.next" }, "phase.wrong"],
    ["participant starts", player("pa"), { type: "game.start" }, "role.not_facilitator"],
    [
      "participant moves",
      player("pa"),
      { type: "player.move", playerId: "pb", teamId: "t1" },
      "role.not_facilitator",
    ],
    [
      "participant renames",
      player("pa"),
      { type: "team.rename", teamId: "t2", name: "x" },
      "role.not_facilitator",
    ],
    [
      "participant sets a bot",
      player("pa"),
      { type: "team.bot", teamId: "t2", strategy: "buzz" },
      "role.not_facilitator",
    ],
    [
      "participant injects",
      player("pa"),
      { type: "event.inject", eventId: "badBuzz" },
      "role.not_facilitator",
    ],
    ["participant pauses", player("pa"), { type: "timer.pause" }, "role.not_facilitator"],
    [
      "participant extends",
      player("pa"),
      { type: "timer.extend", seconds: 60 },
      "role.not_facilitator",
    ],
    [
      "participant paces",
      player("pa"),
      { type: "pacing.set", pacing: "auto" },
      "role.not_facilitator",
    ],
    ["participant ends", player("pa"), { type: "game.end" }, "role.not_facilitator"],
    ["unknown player", player("ghost"), { type: "team.join", teamId: "t1" }, "player.unknown"],
    [
      "facilitator allocates",
      FACILITATOR,
      { type: "allocation.set", allocation: allocation() },
      "team.not_member",
    ],
    [
      "client-sent join",
      player("pa"),
      { type: "player.join", playerId: "x", name: "x", tokenHash: "" },
      "message.unknown",
    ],
    ["unknown team", player("pa"), { type: "team.join", teamId: "t9" }, "team.unknown"],
    [
      "move unknown player",
      FACILITATOR,
      { type: "player.move", playerId: "nobody", teamId: "t1" },
      "player.unknown",
    ],
    [
      "inject for unknown team",
      FACILITATOR,
      { type: "event.inject", eventId: "badBuzz", teams: ["t9"] },
      "event.unknown_team",
    ],
    [
      "empty team name",
      FACILITATOR,
      { type: "team.rename", teamId: "t1", name: "   " },
      "team.bad_name",
    ],
    [
      "too long team name",
      FACILITATOR,
      { type: "team.rename", teamId: "t1", name: "x".repeat(25) },
      "team.bad_name",
    ],
    ["timer outside decision", FACILITATOR, { type: "timer.pause" }, "phase.wrong"],
    [
      "bot for a team with humans",
      FACILITATOR,
      { type: "team.bot", teamId: "t1", strategy: "buzz" },
      "team.has_humans",
    ],
    [
      "bad player name",
      SYSTEM,
      { type: "player.join", playerId: "q", name: "\u0000", tokenHash: "" },
      "join.bad_name",
    ],
  ];
  it.each(inLobby)("%s", (_label, by, action, code) => {
    const before = sessionHash(h.state);
    expect(h.act(by, action)?.code).toBe(code);
    expect(sessionHash(h.state)).toBe(before);
  });

  const bad = (over: Record<string, unknown>) => ({ ...allocation(), ...over });
  const inDecision: Case[] = [
    [
      "negative",
      player("pa"),
      { type: "allocation.set", allocation: bad({ culture: -1 }) },
      "allocation.negative",
    ],
    [
      "fractional",
      player("pa"),
      { type: "allocation.set", allocation: bad({ culture: 1.5 }) },
      "allocation.not_integer",
    ],
    [
      "NaN",
      player("pa"),
      { type: "allocation.set", allocation: bad({ culture: NaN }) },
      "allocation.not_number",
    ],
    [
      "string",
      player("pa"),
      { type: "allocation.set", allocation: bad({ culture: "3" }) },
      "allocation.not_number",
    ],
    [
      "over budget",
      player("pa"),
      { type: "allocation.submit", allocation: bad({ campaigns: 99 }) },
      "allocation.over_budget",
    ],
    [
      "unknown bucket",
      player("pa"),
      { type: "allocation.set", allocation: bad({ hype: 1 }) },
      "allocation.unknown_key",
    ],
    [
      "missing bucket",
      player("pa"),
      { type: "allocation.set", allocation: { culture: 1 } },
      "allocation.missing_key",
    ],
    [
      "not an object",
      player("pa"),
      { type: "allocation.set", allocation: [1, 2] },
      "allocation.not_object",
    ],
    ["no timer to pause", FACILITATOR, { type: "timer.pause" }, "timer.not_running"],
    ["no timer to resume", FACILITATOR, { type: "timer.resume" }, "timer.not_paused"],
    ["start twice", FACILITATOR, { type: "game.start" }, "phase.wrong"],
    ["team.join after lobby", player("pa"), { type: "team.join", teamId: "t2" }, "phase.wrong"],
  ];
  it.each(inDecision)("%s", (_label, by, action, code) => {
    if (h.state.phase === "lobby") {
      h.act(FACILITATOR, { type: "game.start" });
      h.act(FACILITATOR, { type: "phase.next" });
      h.act(player("pb"), { type: "allocation.submit", allocation: allocation() });
    }
    const before = sessionHash(h.state);
    expect(h.act(by, action)?.code).toBe(code);
    expect(sessionHash(h.state)).toBe(before);
  });

  it("refuses a second submission", () => {
    const before = sessionHash(h.state);
    const again = h.act(player("pb"), { type: "allocation.set", allocation: allocation() });
    expect(again?.code).toBe("allocation.already_submitted");
    expect(sessionHash(h.state)).toBe(before);
  });
});

describe("the message boundary", () => {
  it.each([
    ["unknown type", "cheat", {}, "message.unknown"],
    ["numeric type", 7, {}, "message.unknown"],
    ["prototype key", "__proto__", {}, "message.unknown"],
    ["extra field", "game.start", { now: true }, "message.invalid"],
    ["missing field", "team.join", {}, "message.invalid"],
    ["wrong type", "timer.extend", { seconds: "10" }, "message.invalid"],
    ["extend too short", "timer.extend", { seconds: 1 }, "message.invalid"],
    ["unknown event", "event.inject", { eventId: "meteor" }, "message.invalid"],
    ["unknown strategy", "team.bot", { teamId: "t1", strategy: "cheater" }, "bot.unknown_strategy"],
    ["oversized", "team.rename", { teamId: "t1", name: "x".repeat(5000) }, "message.too_large"],
    ["non-object payload", "allocation.set", "hello", "message.invalid"],
  ])("%s", (_label, type, payload, code) => {
    const decoded = decodeMessage(type, payload);
    expect(decoded.ok ? "accepted" : decoded.error.code).toBe(code);
  });

  it("accepts a well-formed message with no payload", () => {
    expect(decodeMessage("game.start", undefined).ok).toBe(true);
  });

  it("rate-limits a flood and refills with time", () => {
    const limit = { burst: 5, perSecond: 10 };
    const bucket = newBucket(limit, 0);
    const accepted = Array.from({ length: 8 }, () => take(bucket, limit, 0)).filter(Boolean);
    expect(accepted).toHaveLength(5);
    expect(take(bucket, limit, 50)).toBe(false);
    expect(take(bucket, limit, 100)).toBe(true);
  });
});
