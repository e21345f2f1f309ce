import { describe, expect, it } from "vitest";
import { STRATEGY_IDS } from "../../../shared/index";
import { USAGE, parseSimArgs, type ParsedArgs } from "../../../server/cli/args";

function request(argv: string[]) {
  const parsed = parseSimArgs(argv);
  if (!parsed.ok) throw new Error(`expected success, got: ${parsed.error}`);
  return parsed.request;
}

function error(argv: string[]): string {
  const parsed: ParsedArgs = parseSimArgs(argv);
  if (parsed.ok) throw new Error(`expected an error for ${argv.join(" ")}`);
  return parsed.error;
}

describe("parseSimArgs: good input", () => {
  it("defaults to one balanced team on the default scenario, seed 1, tables", () => {
    expect(request([])).toEqual({
      mode: "game",
      scenario: { kind: "id", id: "default" },
      seed: "1",
      strategies: ["balanced"],
      json: false,
    });
  });

  it("gives every team the one strategy named", () => {
    expect(
      request(["--scenario", "new-cfo", "--seed", "42", "--strategy", "buzz", "--teams", "3"]),
    ).toEqual({
      mode: "game",
      scenario: { kind: "id", id: "new-cfo" },
      seed: "42",
      strategies: ["buzz", "buzz", "buzz"],
      json: false,
    });
  });

  it("assigns a list of strategies to teams in order, with or without a matching --teams", () => {
    const list = ["--strategy", "adaptive,buzz,idle", "--json"];
    expect(request(list)).toMatchObject({ strategies: ["adaptive", "buzz", "idle"], json: true });
    expect(request([...list, "--teams", "3"])).toMatchObject({
      strategies: ["adaptive", "buzz", "idle"],
    });
  });

  it("takes a .json path as a scenario file, and the --flag=value form", () => {
    expect(request(["--scenario=./my scenario.JSON", "--seed=a:b_c-1.2"])).toMatchObject({
      scenario: { kind: "file", path: "./my scenario.JSON" },
      seed: "a:b_c-1.2",
    });
  });

  it("parses a tournament, with 200 seeds unless told", () => {
    expect(request(["--tournament"])).toEqual({
      mode: "tournament",
      scenario: { kind: "id", id: "default" },
      seed: "1",
      seeds: 200,
      rivals: null,
      json: false,
    });
    expect(
      request(["--tournament", "--seeds", "50", "--scenario", "bad-buzz", "--json"]),
    ).toMatchObject({
      seeds: 50,
      scenario: { id: "bad-buzz" },
      json: true,
    });
  });

  it("parses --plans and --rivals, for plans and tournaments", () => {
    expect(request(["--plans", "p.json", "--seeds", "30", "--seed", "x"])).toEqual({
      mode: "plans",
      scenario: { kind: "id", id: "default" },
      plans: "p.json",
      seed: "x",
      seeds: 30,
      rivals: null,
      json: false,
    });
    expect(request(["--plans=p.json", "--rivals", "buzz,3", "--json"])).toMatchObject({
      mode: "plans",
      seeds: 200,
      rivals: { strategy: "buzz", count: 3 },
      json: true,
    });
    expect(request(["--tournament", "--rivals", " culture-first , 7 "])).toMatchObject({
      mode: "tournament",
      rivals: { strategy: "culture-first", count: 7 },
    });
  });

  it("takes every strategy of STRATEGY_IDS, for teams and rivals, and lists them in the usage", () => {
    for (const id of STRATEGY_IDS) {
      expect(request(["--strategy", id])).toMatchObject({ strategies: [id] });
      expect(request(["--tournament", "--rivals", `${id},1`])).toMatchObject({
        rivals: { strategy: id, count: 1 },
      });
      expect(USAGE).toContain(id);
    }
  });

  it("answers --help and -h", () => {
    expect(request(["--help"])).toEqual({ mode: "help" });
    expect(request(["-h", "--teams", "nonsense"])).toEqual({ mode: "help" });
  });
});

describe("parseSimArgs: bad input", () => {
  it.each([
    [["--frobnicate"], /Unknown option '--frobnicate'/],
    [["extra"], /Unexpected argument 'extra'/],
    [["--seed"], /argument missing/],
    [["--seed", "--json"], /--seed/],
    [["--json=yes"], /--json/],
    [["--scenario", "nope"], /Unknown scenario "nope"/],
    [["--strategy", "balanced,nope"], /Unknown strategy "nope"/],
    [["--strategy", ""], /Unknown strategy ""/],
    [["--seed", "two words"], /Bad --seed "two words"/],
    [["--seed", ""], /Bad --seed ""/],
    [["--teams", "0"], /Bad --teams "0"/],
    [["--teams", "9"], /Bad --teams "9"/],
    [["--teams", "2.5"], /Bad --teams "2.5"/],
    [["--teams", "3x"], /Bad --teams "3x"/],
    [["--teams", "1e1"], /Bad --teams "1e1"/],
    [["--strategy", "buzz,idle", "--teams", "3"], /--teams 3 but 2 strategies/],
    [["--strategy", "idle,idle,idle,idle,idle,idle,idle,idle,idle"], /At most 8 teams/],
    [["--seeds", "10"], /--seeds only applies to --tournament and --plans/],
    [["--tournament", "--seeds", "0"], /Bad --seeds "0"/],
    [["--tournament", "--seeds", "100001"], /Bad --seeds "100001"/],
    [["--tournament", "--strategy", "buzz"], /drop --strategy and --teams/],
    [["--tournament", "--teams", "2"], /drop --strategy and --teams/],
    [["--plans", "p.json", "--strategy", "buzz"], /--plans plays team-1 .*drop --strategy/],
    [["--plans", "p.json", "--teams", "2"], /drop --strategy and --teams/],
    [["--plans", "p.json", "--tournament"], /give one of them/],
    [["--plans", ""], /--plans needs the path/],
    [["--plans"], /argument missing/],
    [["--plans", "p.json", "--seeds", "0"], /Bad --seeds "0"/],
    [["--rivals", "buzz,2"], /--rivals only applies to --tournament and --plans/],
    [["--tournament", "--rivals", "buzz"], /Bad --rivals "buzz"/],
    [["--tournament", "--rivals", "buzz,0"], /Bad --rivals "buzz,0"/],
    [["--tournament", "--rivals", "buzz,8"], /Bad --rivals "buzz,8"/],
    [["--tournament", "--rivals", "buzz,2,3"], /Bad --rivals "buzz,2,3"/],
    [["--tournament", "--rivals", "buzz,two"], /Bad --rivals "buzz,two"/],
    [["--plans", "p.json", "--rivals", "nope,2"], /Unknown rival strategy "nope"/],
  ])("%j is refused", (argv, message) => {
    expect(error(argv)).toMatch(message);
  });
});
