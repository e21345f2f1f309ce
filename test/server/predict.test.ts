/**
 * Predict, then reveal, in the session rules (no sockets): one answer per team, changeable by
 * any member until the reveal, refused outside the debrief, for the facilitator, and after the
 * reveal — every refusal leaving the state hash untouched — and the log replaying to the same
 * answers. The synchronized view keeps an answer to its own team until the reveal.
 */
import { describe, expect, it } from "vitest";
import { RoomState } from "../../server/rooms/schema";
import { syncRoomState } from "../../server/rooms/sync";
import { createSession, soloConfig, SOLO_TEAM_ID } from "../../server/session/config";
import { sessionHash } from "../../server/session/hash";
import { apply, replaySession } from "../../server/session/session";
import type { Actor, Envelope, SessionAction } from "../../server/session/types";
import { allocation } from "../helpers/clients";
import { FACILITATOR, player, SYSTEM, workshopHarness, type Harness } from "../helpers/session";

/** Two teams, three players (pa, pc in t1; pb in t2), one year played to the debrief. */
function toDebrief(): Harness {
  const h = workshopHarness({ teams: 2, years: 1, decisionSeconds: 0 });
  h.join("pa");
  h.join("pb");
  h.join("pc");
  h.act(FACILITATOR, { type: "game.start" });
  for (let q = 0; q < 4; q++) {
    h.act(FACILITATOR, { type: "phase.next" });
    h.act(player("pa"), { type: "allocation.submit", allocation: allocation() });
    h.act(player("pb"), { type: "allocation.submit", allocation: allocation({ campaigns: 4 }) });
    h.act(FACILITATOR, { type: "phase.next" });
    h.act(FACILITATOR, { type: "phase.next" });
  }
  return h;
}

/** Refused with `code`, and nothing changed: same hash, same log. */
function expectRefusal(h: Harness, by: Actor, action: SessionAction, code: string): void {
  const before = sessionHash(h.state);
  const logged = h.log.length;
  expect(h.act(by, action)?.code).toBe(code);
  expect(sessionHash(h.state)).toBe(before);
  expect(h.log.length).toBe(logged);
}

const predict = (lever: "culture" | "support" | "campaigns"): SessionAction => ({
  type: "debrief.predict",
  lever,
});
const REVEAL: SessionAction = { type: "debrief.reveal" };

function view(h: Harness): RoomState {
  const state = new RoomState();
  syncRoomState(state, h.state, { isConnected: () => true, draftRev: () => 0 });
  return state;
}

describe("predict, then reveal", () => {
  it("is refused before the debrief", () => {
    const h = workshopHarness({ teams: 2, years: 1, decisionSeconds: 0 });
    h.join("pa");
    expectRefusal(h, player("pa"), predict("culture"), "phase.wrong");
    expectRefusal(h, FACILITATOR, REVEAL, "phase.wrong");
    h.act(FACILITATOR, { type: "game.start" });
    h.act(FACILITATOR, { type: "phase.next" });
    expectRefusal(h, player("pa"), predict("culture"), "phase.wrong");
    expectRefusal(h, FACILITATOR, REVEAL, "phase.wrong");
  });

  it("takes one answer per team, the last member's, until the facilitator reveals", () => {
    const h = toDebrief();
    expect(h.state.phase).toBe("debrief");
    expect(h.act(player("pa"), predict("culture"))).toBeNull();
    expect(h.act(player("pc"), predict("support"))).toBeNull(); // pa's teammate changes it
    expect(h.act(player("pb"), predict("campaigns"))).toBeNull();
    expect(Object.fromEntries(h.state.predictions)).toEqual({ t1: "support", t2: "campaigns" });

    expectRefusal(h, FACILITATOR, predict("culture"), "team.not_member");
    expectRefusal(h, player("ghost"), predict("culture"), "player.unknown");
    expectRefusal(h, player("pa"), REVEAL, "role.not_facilitator");

    expect(h.act(FACILITATOR, REVEAL)).toBeNull();
    expect(h.state.revealed).toBe(true);
    expectRefusal(h, player("pa"), predict("campaigns"), "debrief.revealed");
    expectRefusal(h, FACILITATOR, REVEAL, "debrief.revealed");
    expect(Object.fromEntries(h.state.predictions)).toEqual({ t1: "support", t2: "campaigns" });

    // The log rebuilds the answers and the reveal: replay equals live.
    const replayed = replaySession(h.config, h.log);
    expect(Object.fromEntries(replayed.predictions)).toEqual({ t1: "support", t2: "campaigns" });
    expect(replayed.revealed).toBe(true);
    expect(sessionHash(replayed)).toBe(sessionHash(h.state));
  });

  it("counts the answers in the state hash (a restart must bring back the same ones)", () => {
    const [a, b] = [toDebrief(), toDebrief()];
    a.act(player("pa"), predict("culture"));
    b.act(player("pa"), predict("support"));
    expect(a.state.seq).toBe(b.state.seq);
    expect(sessionHash(a.state)).not.toBe(sessionHash(b.state));
  });

  it("is frozen once the workshop has ended; a reveal may still come", () => {
    const h = toDebrief();
    h.act(player("pa"), predict("culture"));
    h.act(FACILITATOR, { type: "phase.next" });
    expect(h.state.phase).toBe("ended");
    expectRefusal(h, player("pb"), predict("culture"), "phase.wrong");
    expect(h.act(FACILITATOR, REVEAL)).toBeNull();
    expect(sessionHash(replaySession(h.config, h.log))).toBe(sessionHash(h.state));
  });

  it("shows an answer to its own team and the facilitator only, then to everyone", () => {
    const h = toDebrief();
    h.act(player("pa"), predict("culture"));
    let state = view(h);
    const t1 = state.teams.get("t1");
    const t2 = state.teams.get("t2");
    expect(t1?.predicted).toBe(true);
    expect(t1?.prediction).toBe(""); // public part: nothing but the flag
    expect(t1?.private.prediction).toBe("culture"); // the `.view()` part: own team, facilitator
    expect(t2?.predicted).toBe(false);
    expect(state.revealed).toBe(false);
    h.act(FACILITATOR, REVEAL);
    state = view(h);
    expect(state.revealed).toBe(true);
    expect(state.teams.get("t1")?.prediction).toBe("culture");
    expect(state.teams.get("t2")?.prediction).toBe("");
  });

  it("lets a solo learner answer and reveal for themself", () => {
    const built = soloConfig(
      { seed: "predict", rivals: 1 },
      { code: "s1", now: 0, randomSeed: "" },
    );
    if (!built.ok) throw new Error(built.error.message);
    const state = createSession(built.config);
    const log: Envelope[] = [];
    const act = (by: Actor, action: SessionAction) => {
      const envelope: Envelope = { at: 0, by, action };
      const refused = apply(state, envelope);
      if (!refused) log.push(envelope);
      return refused;
    };
    act(SYSTEM, { type: "player.join", playerId: "me", name: "Léa", tokenHash: "h" });
    act(SYSTEM, { type: "game.start" });
    while (state.phase !== "debrief") {
      const action: SessionAction =
        state.phase === "decision"
          ? { type: "allocation.submit", allocation: allocation() }
          : { type: "phase.next" };
      expect(act(player("me"), action)).toBeNull();
    }
    expect(act(player("me"), predict("culture"))).toBeNull();
    expect(state.predictions.get(SOLO_TEAM_ID)).toBe("culture");
    expect(act(player("me"), REVEAL)).toBeNull();
    expect(state.revealed).toBe(true);
    expect(act(player("me"), predict("support"))?.code).toBe("debrief.revealed");
    expect(sessionHash(replaySession(built.config, log))).toBe(sessionHash(state));
  });
});
