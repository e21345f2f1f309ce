/**
 * Rules added for hostile input and real sessions: ids that name an object's prototype find
 * nothing, draft edits as operations compose and clamp, a game does not start empty and hands
 * teams nobody joined to a bot, and a finished workshop takes no newcomers.
 */
import { describe, expect, it } from "vitest";
import { sessionHash } from "../../server/session/hash";
import { replaySession } from "../../server/session/session";
import { allocation } from "../helpers/clients";
import { FACILITATOR, player, SYSTEM, workshopHarness } from "../helpers/session";

const PROTOTYPE_KEYS = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty"];

describe("ids from messages", () => {
  it.each(PROTOTYPE_KEYS)("%s names no team and no player, and changes nothing", (key) => {
    const h = workshopHarness({ teams: 2 });
    h.join("pa");
    const before = sessionHash(h.state);
    expect(h.act(player("pa"), { type: "team.join", teamId: key })?.code).toBe("team.unknown");
    expect(h.act(FACILITATOR, { type: "team.rename", teamId: key, name: "x" })?.code).toBe(
      "team.unknown",
    );
    expect(h.act(FACILITATOR, { type: "team.bot", teamId: key, strategy: "buzz" })?.code).toBe(
      "team.unknown",
    );
    expect(h.act(FACILITATOR, { type: "player.move", playerId: "pa", teamId: key })?.code).toBe(
      "team.unknown",
    );
    expect(h.act(FACILITATOR, { type: "player.move", playerId: key, teamId: "t1" })?.code).toBe(
      "player.unknown",
    );
    expect(h.act(player(key), { type: "team.join", teamId: "t1" })?.code).toBe("player.unknown");
    expect(sessionHash(h.state)).toBe(before);
    // Nothing leaked onto shared prototypes either.
    expect(({} as Record<string, unknown>).bot).toBeUndefined();
    expect(({} as Record<string, unknown>).teamId).toBeUndefined();
  });

  it("a player may carry a prototype key as a name and still play", () => {
    const h = workshopHarness({ teams: 2 });
    h.join("pa", "constructor");
    h.join("pb", "__proto__");
    expect(h.state.players.get("pb")?.name).toBe("__proto__");
    expect(h.act(FACILITATOR, { type: "game.start" })).toBeNull();
  });
});

describe("draft operations", () => {
  it("compose, clamp to the budget and to zero, and replay to the same state", () => {
    const h = workshopHarness({ teams: 2 });
    h.join("pa");
    h.join("pb");
    h.join("pc"); // t1 again: pa and pc co-edit
    h.act(FACILITATOR, { type: "game.start" });
    h.act(FACILITATOR, { type: "phase.next" });
    const budget = h.state.game.teams.t1?.budget ?? 0;
    expect(h.act(player("pa"), { type: "allocation.adjust", bucket: "culture", delta: 1 })).toBe(
      null,
    );
    expect(h.act(player("pc"), { type: "allocation.adjust", bucket: "culture", delta: 1 })).toBe(
      null,
    );
    expect(h.act(player("pa"), { type: "allocation.adjust", bucket: "support", delta: 2 })).toBe(
      null,
    );
    const draft = h.state.teams.get("t1")?.draft;
    expect(draft?.culture).toBe(2);
    expect(draft?.support).toBe(2);
    expect(h.state.teams.get("t1")?.draftBy).toBe("pa");
    // Taking more than there is takes what there is; nothing at all is refused.
    expect(h.act(player("pc"), { type: "allocation.adjust", bucket: "support", delta: -5 })).toBe(
      null,
    );
    expect(h.state.teams.get("t1")?.draft?.support).toBe(0);
    expect(
      h.act(player("pc"), { type: "allocation.adjust", bucket: "support", delta: -1 })?.code,
    ).toBe("allocation.negative");
    // Adding more than the budget fills it; a full budget refuses.
    h.act(player("pa"), { type: "allocation.adjust", bucket: "strategy", delta: 1000 });
    expect(h.state.teams.get("t1")?.draft?.strategy).toBe(budget - 2);
    expect(
      h.act(player("pa"), { type: "allocation.adjust", bucket: "campaigns", delta: 1 })?.code,
    ).toBe("allocation.over_budget");
    // The other team's draft is untouched.
    expect(h.state.teams.get("t2")?.draft).toBeNull();
    expect(sessionHash(replaySession(h.config, h.log))).toBe(sessionHash(h.state));
  });

  it("are refused outside the decision phase and after the team submitted", () => {
    const h = workshopHarness({ teams: 2 });
    h.join("pa");
    h.act(FACILITATOR, { type: "game.start" });
    const op = { type: "allocation.adjust", bucket: "culture", delta: 1 } as const;
    expect(h.act(player("pa"), op)?.code).toBe("phase.wrong");
    h.act(FACILITATOR, { type: "phase.next" });
    h.act(player("pa"), { type: "allocation.submit", allocation: allocation() });
    expect(h.act(player("pa"), op)?.code).toBe("allocation.already_submitted");
    expect(h.act(FACILITATOR, op)?.code).toBe("team.not_member");
  });
});

describe("starting and ending", () => {
  it("refuses to start with nobody, and gives teams nobody joined a bot", () => {
    const h = workshopHarness({ teams: 3 });
    expect(h.act(FACILITATOR, { type: "game.start" })?.code).toBe("game.no_players");
    expect(h.state.phase).toBe("lobby");
    h.join("pa");
    expect(h.act(FACILITATOR, { type: "game.start" })).toBeNull();
    expect(h.state.teams.get("t1")?.bot).toBeNull();
    expect(h.state.teams.get("t2")?.bot).toBe("balanced");
    expect(h.state.teams.get("t3")?.bot).toBe("balanced");
  });

  it("an all-bot workshop the facilitator set up may start", () => {
    const h = workshopHarness({ teams: 2 });
    h.act(FACILITATOR, { type: "team.bot", teamId: "t1", strategy: "buzz" });
    expect(h.act(FACILITATOR, { type: "game.start" })).toBeNull();
    expect(h.state.teams.get("t2")?.bot).toBe("balanced");
  });

  it("takes no newcomer once ended", () => {
    const h = workshopHarness({ teams: 2 });
    h.join("pa");
    h.act(FACILITATOR, { type: "game.end" });
    const late = h.act(SYSTEM, { type: "player.join", playerId: "z", name: "Zoé", tokenHash: "" });
    expect(late?.code).toBe("join.ended");
  });
});
