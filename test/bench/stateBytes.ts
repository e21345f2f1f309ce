/**
 * `npx tsx test/bench/stateBytes.ts`: what each field of a quarter's public results costs on
 * the wire. A real 8-team workshop (bots) plays one quarter; its state is copied into the
 * schema as the room does (sync.ts) and encoded whole, with and without each part of the
 * results, so each part's cost is a difference of real encodings (bytes every viewer receives
 * once per quarter; a patch adding the same entries costs the same plus a few header bytes).
 */
import { Encoder } from "@colyseus/schema";
import { RoomState } from "../../server/rooms/schema";
import { syncRoomState } from "../../server/rooms/sync";
import type { LiveExtras } from "../../server/rooms/roleView";
import { FACILITATOR, workshopHarness } from "../helpers/session";
import { line } from "./schedule";

const TEAMS = Number(process.env.BENCH_TEAMS ?? 8);
const extras: LiveExtras = { isConnected: () => false, draftRev: () => 0 };
const harness = workshopHarness({ teams: TEAMS, years: 1, decisionSeconds: 0, pacing: "auto" });
harness.join("p1"); // one team played (its draft is the default), the others by bots
for (const action of [{ type: "game.start" }, { type: "phase.next" }] as const) {
  const refused = harness.act(FACILITATOR, action);
  if (refused) throw new Error(refused.message);
}
harness.act(FACILITATOR, { type: "phase.next" }); // decision → results
if (harness.state.phase !== "results")
  throw new Error(`expected results, got ${harness.state.phase}`);

type Trim = (state: RoomState) => void;
/** Public bytes of the whole state after `trim` (encodeAll skips view-only fields). */
function bytes(trim: Trim = () => {}): number {
  const state = new RoomState();
  syncRoomState(state, harness.state, extras);
  trim(state);
  return new Encoder(state).encodeAll().byteLength;
}
const GAUGES = [
  "engagement",
  "reach",
  "buzzVolatility",
  "trust",
  "kpi",
  "ssv",
  "score",
  "legacy",
  "forced",
] as const;
/** Removes fields from an entry, as if the schema did not have them. */
function unset(target: object, keys: readonly string[]): void {
  for (const key of keys) (target as Record<string, unknown>)[key] = undefined;
}
const results = (state: RoomState) => [...state.teams.values()].flatMap((t) => [...t.history]);

const whole = bytes();
const noHistory = bytes((s) => s.teams.forEach((t) => t.history.clear()));
const perTeam = (whole - noHistory) / TEAMS;
line("results_bytes_per_quarter", whole - noHistory, `B (${TEAMS} teams, every viewer)`);
line("result_bytes_per_team", perTeam, "B");
const parts: Record<string, Trim> = {
  reasons: (s) => results(s).forEach((r) => r.reasons.clear()),
  events: (s) => results(s).forEach((r) => r.events.clear()),
  allocation: (s) => results(s).forEach((r) => unset(r, ["allocation"])),
  decisionSource: (s) => results(s).forEach((r) => unset(r, ["decisionSource"])),
  gauges: (s) => results(s).forEach((r) => unset(r, GAUGES)),
};
for (const [name, trim] of Object.entries(parts)) {
  line(`result_${name}_bytes_per_team`, (whole - bytes(trim)) / TEAMS, "B");
}
const sample = results(
  (() => {
    const s = new RoomState();
    syncRoomState(s, harness.state, extras);
    return s;
  })(),
)[0]!;
line("result_reasons_per_team", sample.reasons.length, "reasons");
line("public_state_bytes", noHistory, "B (everything public but the results, for scale)");
