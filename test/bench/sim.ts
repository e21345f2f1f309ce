/**
 * `npm run bench`: the simulation's speed, one figure per line as `name: value unit`, so a run
 * can be diffed or grepped. Every figure is the median of several timed runs after a warm-up:
 * the machine is shared, and a single run mostly measures the neighbours.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  attributeRoom,
  createGame,
  fixedPlan,
  getScenario,
  luckBand,
  luckSeeds,
  median,
  openStream,
  simulateTeam,
  step,
  type Allocation,
  type Scenario,
} from "../../shared/index";

const RUNS = 7;
const WARMUP = 2;

/**
 * BENCH_CLOCK=cpu times the process's CPU (all its threads) instead of the wall: on a machine
 * others are using too, waiting for a core is not the simulation's cost.
 */
const cpuClock = process.env.BENCH_CLOCK === "cpu";

function nowMs(): number {
  if (!cpuClock) return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Median time of `fn` in milliseconds. */
function timeMs(fn: () => void): number {
  for (let i = 0; i < WARMUP; i++) fn();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = nowMs();
    fn();
    runs.push(nowMs() - start);
  }
  return median(runs);
}

/** `name: value unit`, then the target in parentheses when there is one. */
function figure(name: string, value: number, unit: string, digits = 0, target = ""): void {
  console.log(`${name}: ${value.toFixed(digits)} ${unit}${target ? ` (target ${target})` : ""}`);
}

// Results are summed into a sink that is printed nowhere but checked, so no work is dead code.
let sink = 0;

function fastPath(scenario: Scenario, decisions: Allocation[], seeds: number): number {
  const quarters = decisions.length;
  const plan = fixedPlan(decisions);
  const ms = timeMs(() => {
    for (let i = 0; i < seeds; i++) {
      simulateTeam({ scenario, seed: `bench:${i}`, teamId: "team", ...plan }, (_q, out) => {
        sink += out.score;
      });
    }
  });
  return (seeds * quarters) / (ms / 1000);
}

function fullStep(scenario: Scenario, decision: Allocation, games: number): number {
  const teamIds = ["team-1", "team-2", "team-3", "team-4"];
  const decisions = Object.fromEntries(teamIds.map((id) => [id, decision]));
  const ms = timeMs(() => {
    for (let i = 0; i < games; i++) {
      let game = createGame(scenario, `bench:${i}`, teamIds);
      while (game.turn < game.turnsTotal) {
        const result = step(game, decisions);
        if (!result.ok) throw new Error(result.error.message);
        game = result.game;
      }
      sink += game.teams["team-1"]?.T ?? 0;
    }
  });
  return (games * scenario.years * 4 * teamIds.length) / (ms / 1000);
}

function streamOpen(count: number): number {
  const ms = timeMs(() => {
    for (let i = 0; i < count; i++) sink += openStream(`bench:${i}:buzz:team`).next();
  });
  return (ms * 1000) / count;
}

/**
 * The room of the room-wide figures: four teams, each funding all seven buckets every quarter
 * (a different split each), so attribution meets its worst case, 128 distinct runs per team.
 */
function benchRoom(scenario: Scenario): Record<string, Allocation[]> {
  const splits: Allocation[] = [
    scenario.defaultAllocation,
    {
      longTerm: 1,
      culture: 3,
      governance: 1,
      support: 2,
      recruitment: 1,
      strategy: 1,
      campaigns: 1,
    },
    {
      longTerm: 2,
      culture: 2,
      governance: 1,
      support: 1,
      recruitment: 2,
      strategy: 1,
      campaigns: 1,
    },
    {
      longTerm: 1,
      culture: 1,
      governance: 1,
      support: 1,
      recruitment: 1,
      strategy: 1,
      campaigns: 4,
    },
  ];
  const quarters = scenario.years * 4;
  return Object.fromEntries(
    splits.map((split, i) => [`team-${i + 1}`, Array.from({ length: quarters }, () => split)]),
  );
}

/** The bench room played through `step`, as the debrief has it. */
function playedRoom(scenario: Scenario, room: Record<string, Allocation[]>) {
  let game = createGame(scenario, "bench:room", Object.keys(room));
  while (game.turn < game.turnsTotal) {
    const quarter = game.turn;
    const decisions = Object.fromEntries(
      Object.entries(room).map(([id, list]) => [id, list[quarter] as Allocation]),
    );
    const result = step(game, decisions);
    if (!result.ok) throw new Error(result.error.message);
    game = result.game;
  }
  return game;
}

/** Heap still in use after a full collection: what the runs left behind, not their garbage. */
function heapAfterGcMB(): number {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

function main(): void {
  const scenario = getScenario("default");
  if (!scenario) throw new Error("The default scenario is missing.");
  const decisions = Array.from({ length: scenario.years * 4 }, () => scenario.defaultAllocation);
  const seeds = luckSeeds(1000);

  // The fast-path figures come first: once `step` has run, resolveQuarter's machine code also
  // serves the explaining path and the fast path measures slower than it runs on its own.
  figure(
    "sim.teamQuartersPerSecond",
    fastPath(scenario, decisions, 5000),
    "team-quarters/s",
    0,
    "≥ 1000000",
  );
  // The whole 4-team room on every seed, team-1's band, rivals' decisions as played.
  const room = benchRoom(scenario);
  const { "team-1": mine, ...rivals } = room;
  figure(
    "sim.luckBand1000Ms",
    timeMs(() => luckBand(scenario, mine as Allocation[], seeds, { teamId: "team-1", rivals })),
    "ms",
    1,
    "< 120",
  );
  // Exact Shapley values for all four teams: 4 × 128 whole-room games of 16 quarters.
  const game = playedRoom(scenario, room);
  figure(
    "sim.attributionMs",
    timeMs(() => {
      sink += attributeRoom(game)["team-1"]?.score ?? 0;
    }),
    "ms",
    1,
    "< 50",
  );
  figure(
    "sim.stepTeamQuartersPerSecond",
    fullStep(scenario, scenario.defaultAllocation, 200),
    "team-quarters/s",
  );
  figure("sim.streamOpenMicros", streamOpen(20000), "µs", 2);
  figure("sim.heapUsedMB", heapAfterGcMB(), "MB", 1);
  if (!Number.isFinite(sink)) throw new Error("A benchmark produced a non-finite result.");
}

main();
