/**
 * `npx tsx test/bench/stateBytes.ts`: what each field of the synchronized state costs on the
 * wire, from real encodings of the room's own schema (server/rooms/schema.ts, filled by sync.ts).
 *
 * 1. A quarter's results: a real 8-team workshop (40 participants, bots' and players' decisions)
 *    plays one quarter; its state is encoded whole, with and without each part, so each part's
 *    cost is a difference of real encodings. Public parts reach every viewer; a team's reasons
 *    reach only its members and the facilitator (measured through a StateView holding the team).
 * 2. A whole quarter as patches: the same workshop plays a quarter action by action (phase
 *    changes and the timer, every participant's draft, each team's submission, the reveal), each
 *    action synchronized and encoded as a patch the way Colyseus does (shared part once, then
 *    per view), summed per kind of action for a member of team t1 and for a viewer with no view
 *    (another team sees that much of t1's actions; the projector sees only that). The real room
 *    batches a tick's actions in one patch (100 ms), so these sums are a little above the bench.
 */
import { Encoder, StateView } from "@colyseus/schema";
import { BUCKET_IDS, OUTPUT_IDS, type Allocation } from "../../shared/index";
import type { SessionAction } from "../../server/session/types";
import { RoomState } from "../../server/rooms/schema";
import { syncRoomState } from "../../server/rooms/sync";
import type { LiveExtras } from "../../server/rooms/roleView";
import { FACILITATOR, player, workshopHarness, type Harness } from "../helpers/session";
import { line } from "./schedule";

const TEAMS = Number(process.env.BENCH_TEAMS ?? 8);
const PER_TEAM = 5;

function newWorkshop(): { harness: Harness; extras: LiveExtras; players: string[] } {
  const revs = new Map<string, number>();
  const extras: LiveExtras = { isConnected: () => true, draftRev: (t) => revs.get(t) ?? 0 };
  const harness = workshopHarness({ teams: TEAMS, years: 1, decisionSeconds: 300 });
  const players: string[] = [];
  for (let i = 0; i < TEAMS * PER_TEAM; i++) {
    // Ids as long as the server's (`p` + 10 hex digits).
    const id = `p${i.toString(16).padStart(10, "0")}`;
    harness.join(id, `Player ${i + 1}`);
    players.push(id);
  }
  const act = harness.act.bind(harness);
  harness.act = (by, action) => {
    const refused = act(by, action);
    if (refused) throw new Error(`${action.type}: ${refused.message}`);
    if (action.type === "allocation.set" && by.kind === "player") {
      const team = harness.state.players.get(by.playerId)!.teamId;
      revs.set(team, (revs.get(team) ?? 0) + 1);
    }
    return null;
  };
  return { harness, extras, players };
}

/** A draft or decision: a few tokens spread over the levers, different for each player. */
function allocationFor(i: number): Allocation {
  const out = Object.fromEntries(BUCKET_IDS.map((id) => [id, 0])) as Allocation;
  for (let k = 0; k < 10; k++) out[BUCKET_IDS[(i + k * 3) % BUCKET_IDS.length]!]++;
  return out;
}

const teamOf = (h: Harness, playerId: string) => h.state.players.get(playerId)!.teamId;

// --- 1. A quarter's results, encoded whole ------------------------------------------------

function playOneQuarter(): { harness: Harness; extras: LiveExtras } {
  const { harness, extras, players } = newWorkshop();
  harness.act(FACILITATOR, { type: "game.start" });
  harness.act(FACILITATOR, { type: "phase.next" });
  players.forEach((id, i) =>
    harness.act(player(id), { type: "allocation.set", allocation: allocationFor(i) }),
  );
  harness.act(FACILITATOR, { type: "phase.next" }); // decision → results
  if (harness.state.phase !== "results") throw new Error(`expected results`);
  return { harness, extras };
}

const quarter = playOneQuarter();
type Trim = (state: RoomState) => void;

function synced(trim: Trim): RoomState {
  const state = new RoomState();
  syncRoomState(state, quarter.harness.state, quarter.extras);
  trim(state);
  return state;
}

/** Bytes of the whole state after `trim`: public only, or as a member of team `viewTeam`. */
function bytes(trim: Trim = () => {}, viewTeam?: string): number {
  const state = synced(trim);
  const encoder = new Encoder(state);
  const it = { offset: 0 };
  if (!viewTeam) return encoder.encodeAll(it).byteLength;
  const view = new StateView();
  view.add(state.teams.get(viewTeam)!);
  encoder.encodeAll(it);
  return encoder.encodeAllView(view, it.offset, it).byteLength;
}

const results = (s: RoomState) => [...s.teams.values()].flatMap((t) => [...t.history]);
/** Removes fields from an entry, as if the schema did not have them. */
function unset(target: object, keys: readonly string[]): void {
  for (const key of keys) (target as Record<string, unknown>)[key] = undefined;
}
const GAUGES = [...OUTPUT_IDS, "forced"] as const;

const whole = bytes();
const noHistory = bytes((s) => s.teams.forEach((t) => t.history.clear()));
line("results_bytes_per_quarter", whole - noHistory, `B (${TEAMS} teams, every viewer)`);
line("result_bytes_per_team", (whole - noHistory) / TEAMS, "B (public)");
const parts: Record<string, Trim> = {
  events: (s) => results(s).forEach((r) => r.events.clear()),
  allocation: (s) => results(s).forEach((r) => unset(r, ["allocation"])),
  decisionSource: (s) => results(s).forEach((r) => unset(r, ["decisionSource"])),
  gauges: (s) => results(s).forEach((r) => unset(r, GAUGES)),
};
for (const [name, trim] of Object.entries(parts)) {
  line(`result_${name}_bytes_per_team`, (whole - bytes(trim)) / TEAMS, "B");
}
const ownTeam = "t1";
const hidden = (s: RoomState) => s.teams.get(ownTeam)!.private;
line(
  "result_reasons_bytes_per_team",
  bytes(() => {}, ownTeam) -
    bytes((s) => {
      hidden(s).reasonCodes.clear();
      hidden(s).reasonValues.clear();
    }, ownTeam),
  "B (to the team and the facilitator only)",
);
line("result_reasons_per_team", hidden(synced(() => {})).reasonCodes.length, "reasons");
line("public_state_bytes", noHistory, "B (everything public but the results, for scale)");
line(
  "team_private_bytes",
  bytes(() => {}, ownTeam) - whole,
  "B (one team's hidden part, whole: draft, decision, reasons…)",
);
line(
  "situation_bytes_per_team",
  (whole - bytes((s) => s.teams.forEach((t) => unset(t, ["situation"])))) / TEAMS,
  "B",
);

// --- 2. A whole quarter as patches ----------------------------------------------------------

/** The room's schema, synchronized and patched as the room does, seen by two viewers. */
class Wire {
  readonly state = new RoomState();
  private readonly encoder: Encoder;
  private readonly view = new StateView();
  readonly sums = new Map<string, { member: number; outsider: number; patches: number }>();

  constructor(private readonly w: { harness: Harness; extras: LiveExtras }) {
    syncRoomState(this.state, w.harness.state, w.extras);
    this.encoder = new Encoder(this.state);
    this.view.add(this.state.teams.get(ownTeam)!);
    const it = { offset: 0 };
    this.encoder.encodeAll(it);
    this.encoder.encodeAllView(this.view, it.offset, it);
    this.encoder.discardChanges();
    this.view.changes.clear();
  }

  /** One action, then one patch; counted under `kind`. */
  act(kind: string, by: Parameters<Harness["act"]>[0], action: SessionAction): void {
    this.w.harness.act(by, action);
    syncRoomState(this.state, this.w.harness.state, this.w.extras);
    const it = { offset: 1 }; // the protocol byte
    const shared = this.encoder.encode(it);
    const outsider = it.offset > 1 ? shared.byteLength : 0;
    const viewed = this.encoder.encodeView(this.view, it.offset, it).byteLength;
    const member = viewed > 1 ? viewed : 0;
    this.encoder.discardChanges();
    const sum = this.sums.get(kind) ?? { member: 0, outsider: 0, patches: 0 };
    sum.member += member;
    sum.outsider += outsider;
    sum.patches += 1;
    this.sums.set(kind, sum);
  }
}

{
  const w = newWorkshop();
  const wire = new Wire(w);
  const { harness, players } = w;
  wire.act("phase", FACILITATOR, { type: "game.start" });
  // Quarter 1 is warm-up (the first results); quarter 2 is measured.
  for (let q = 1; q <= 2; q++) {
    if (q === 2) wire.sums.clear();
    wire.act("phase", FACILITATOR, { type: "phase.next" }); // → decision, the timer starts
    players.forEach((id, i) =>
      wire.act("draft", player(id), {
        type: "allocation.set",
        allocation: allocationFor(i + q),
      }),
    );
    const submitted = new Set<string>();
    players.forEach((id, i) => {
      const team = teamOf(harness, id);
      if (submitted.has(team) || harness.state.teams.get(team)?.decision) return;
      submitted.add(team);
      wire.act("submit", player(id), { type: "allocation.submit", allocation: allocationFor(i) });
    });
    wire.act("reveal", FACILITATOR, { type: "phase.next" }); // → results
    wire.act("phase", FACILITATOR, { type: "phase.next" }); // → briefing
  }
  let member = 0;
  let outsider = 0;
  for (const [kind, sum] of wire.sums) {
    line(`quarter_${kind}_bytes_member`, sum.member, `B (${sum.patches} patches)`);
    line(`quarter_${kind}_bytes_outsider`, sum.outsider, "B");
    member += sum.member;
    outsider += sum.outsider;
  }
  line("quarter_bytes_member", member, "B (a participant, one quarter, one patch per action)");
  line("quarter_bytes_outsider", outsider, "B (a viewer without a view: the projector)");
}
