/**
 * The full-state patch (server/rooms/fullState.ts), at the serializer level: a state whose shared
 * part is larger than `Encoder.BUFFER_SIZE` (16 kB), sent as a full state to a client with a
 * StateView, decodes to exactly the state (shared part and that view's hidden part). Without the
 * patch, @colyseus/core 0.18.17 sends the shared part cut at 16 kB and zero-filled: the decode
 * fails or yields a different state.
 */
import { Protocol, SchemaSerializer } from "@colyseus/core";
import { Decoder, Encoder, schema, StateView, t, type SchemaType } from "@colyseus/schema";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { adoptFullEncodeBuffer, installFullStatePatch } from "../../server/rooms/fullState";

const Secret = schema({ draft: t.string(), rev: t.uint32() }, "FsSecret");
const Entry = schema({ turn: t.uint16(), score: t.float64(), note: t.string() }, "FsEntry");
const Team = schema(
  { name: t.string(), history: t.array(Entry), secret: t.ref(Secret).view() },
  "FsTeam",
);
const Root = schema({ phase: t.string(), teams: t.map(Team) }, "FsRoot");
type Root = SchemaType<typeof Root>;
type Team = SchemaType<typeof Team>;

/** A room-like state: `teams` teams, each with `turns` history entries (~40 bytes each). */
function bigState(teams: number, turns: number): Root {
  const root = new Root();
  root.phase = "results";
  for (let i = 1; i <= teams; i++) {
    const team = new Team();
    team.name = `Team ${i}`;
    team.secret = new Secret();
    team.secret.draft = `draft of team ${i}`;
    team.secret.rev = i;
    for (let turn = 1; turn <= turns; turn++) addEntry(team, turn);
    root.teams.set(`t${i}`, team);
  }
  return root;
}

function addEntry(team: Team, turn: number): void {
  const entry = new Entry();
  entry.turn = turn;
  entry.score = turn / 7;
  entry.note = `quarter ${turn} of ${team.name}`;
  team.history.push(entry);
}

/** What a client decodes from a full-state frame. */
function decodeFull(frame: Uint8Array): unknown {
  expect(frame[0]).toBe(Protocol.ROOM_STATE);
  const decoded = new Root();
  new Decoder(decoded).decode(frame, { offset: 1 });
  return decoded.toJSON();
}

/** The state as a client whose view holds `visible` teams should see it. */
function expected(state: Root, visible: string[]): unknown {
  const json = structuredClone(state.toJSON()) as {
    teams: Record<string, { secret?: unknown }>;
  };
  for (const [id, team] of Object.entries(json.teams)) {
    if (!visible.includes(id)) delete team.secret;
  }
  return json;
}

function serializerFor(state: Root): SchemaSerializer<Root> {
  const serializer = new SchemaSerializer<Root>();
  serializer.reset(state);
  return serializer;
}

function viewOf(state: Root, teamIds: string[]): { view: StateView } {
  const view = new StateView();
  for (const id of teamIds) view.add(state.teams.get(id)!);
  return { view };
}

const overflowWarnings = (spy: { mock: { calls: unknown[][] } }) =>
  spy.mock.calls.filter((args) => String(args[0]).includes("buffer overflow")).length;

beforeAll(() => installFullStatePatch());
afterEach(() => vi.restoreAllMocks());

describe("full state larger than Encoder.BUFFER_SIZE", () => {
  it("decodes to the state for clients with and without a StateView", () => {
    const state = bigState(8, 120);
    const serializer = serializerFor(state);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

    const facilitator = viewOf(state, [...state.teams.keys()]);
    const team3 = viewOf(state, ["t3"]);
    const first = serializer.getFullState(facilitator as never);
    expect(first.byteLength).toBeGreaterThan(2 * Encoder.BUFFER_SIZE);
    expect(decodeFull(first)).toEqual(expected(state, [...state.teams.keys()]));
    expect(decodeFull(serializer.getFullState(team3 as never))).toEqual(expected(state, ["t3"]));
    expect(decodeFull(serializer.getFullState())).toEqual(expected(state, []));
    // Schema warns once when the shared part first outgrows the buffer, never again after.
    expect(overflowWarnings(warn)).toBeLessThanOrEqual(1);
  });

  it("stays right as the state keeps growing between full states", () => {
    const state = bigState(8, 20);
    const serializer = serializerFor(state);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const team5 = viewOf(state, ["t5"]);
    const sizes: number[] = [];
    for (let turn = 21; turn <= 200; turn += 15) {
      for (const team of state.teams.values()) {
        for (let k = 0; k < 15; k++) addEntry(team, turn + k);
      }
      state.teams.get("t5")!.secret!.rev = turn;
      const frame = serializer.getFullState(team5 as never);
      sizes.push(frame.byteLength);
      expect(decodeFull(frame), `at turn ${turn}`).toEqual(expected(state, ["t5"]));
    }
    expect(sizes.at(-1)).toBeGreaterThan(4 * Encoder.BUFFER_SIZE);
    // Headroom keeps the growth mostly out of schema's overflow path.
    expect(overflowWarnings(warn)).toBeLessThanOrEqual(2);
  });
});

describe("installFullStatePatch", () => {
  it("is idempotent", () => {
    const patched = SchemaSerializer.prototype.getFullState;
    installFullStatePatch();
    installFullStatePatch();
    expect(SchemaSerializer.prototype.getFullState).toBe(patched);
  });

  it("refuses to replace a getFullState it does not recognise", () => {
    const proto = SchemaSerializer.prototype as unknown as { getFullState: () => Uint8Array };
    const patched = proto.getFullState;
    proto.getFullState = function changedUpstream() {
      return new Uint8Array(0);
    };
    try {
      expect(() => installFullStatePatch()).toThrow(/SchemaSerializer changed/);
    } finally {
      proto.getFullState = patched;
    }
  });

  it("keeps the buffer while it has headroom, else adopts a copy twice the size", () => {
    const buffer = new Uint8Array(Encoder.BUFFER_SIZE);
    expect(adoptFullEncodeBuffer(buffer, buffer.subarray(0, 1000))).toBe(buffer);
    const grown = new Uint8Array(3 * Encoder.BUFFER_SIZE);
    grown.set([Protocol.ROOM_STATE, 1, 2, 3]);
    const adopted = adoptFullEncodeBuffer(buffer, grown.subarray(0, 40_000));
    expect(adopted.byteLength).toBe(5 * Encoder.BUFFER_SIZE);
    expect([...adopted.subarray(0, 4)]).toEqual([Protocol.ROOM_STATE, 1, 2, 3]);
  });
});
