/**
 * What spares the facilitator a manual, as pure view logic: the address participants are shown
 * (never localhost), "Mes ateliers" lines from the API's answer, the labelled submission count
 * and who is away, the wording of the board (plurals, the game's real length).
 */
import { describe, expect, it } from "vitest";
import { getScenario } from "../../shared/scenarios/index";
import { translatePlural } from "../../client/src/i18n/index";
import {
  displayHost,
  isLoopbackHost,
  joinTarget,
  joinUrl,
  parseServerAddress,
} from "../../client/src/viewmodels/joinAddress";
import { scenarioTitle } from "../../client/src/viewmodels/scenarioTitle";
import {
  disconnectedLine,
  submittedLabel,
  waitingLine,
  whoSubmitted,
} from "../../client/src/viewmodels/submissions";
import {
  distinctTokens,
  mergeWorkshops,
  parseWorkshopList,
  workshopLine,
} from "../../client/src/viewmodels/workshops";
import { isStrongToken } from "../../shared/protocol/tokens";
import {
  FACILITATOR_KEY_BYTES,
  facilitatorKeyFrom,
  isFacilitatorKey,
} from "../../client/src/viewmodels/facilitatorKey";
import { playedGame, viewFromGame } from "./fixtures";

const LAN = { base: "http://192.168.1.23:2567", source: "lan" } as const;
const local = { origin: "http://localhost:2567", hostname: "localhost" };

describe("the join address", () => {
  it("knows a loopback page when it sees one", () => {
    for (const host of ["localhost", "127.0.0.1", "127.8.9.10", "[::1]", "elan.localhost"]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of [
      "192.168.1.23",
      "elan.example.org",
      "localhost.example.org",
      "10.0.0.127",
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it("shows the LAN address instead of localhost, and says so", () => {
    expect(joinTarget(local, LAN)).toEqual({
      base: "http://192.168.1.23:2567",
      loopback: true,
      notice: "replaced",
    });
    expect(joinUrl(LAN.base, "ABC234")).toBe("http://192.168.1.23:2567/?code=ABC234");
    expect(displayHost(LAN.base)).toBe("192.168.1.23:2567");
  });

  it("keeps a reachable page's own address, and always honours PUBLIC_URL", () => {
    const lanPage = { origin: "http://192.168.1.23:2567", hostname: "192.168.1.23" };
    expect(joinTarget(lanPage, LAN)).toMatchObject({ base: lanPage.origin, notice: "none" });
    const pub = { base: "https://elan.example.org", source: "public" } as const;
    expect(joinTarget(lanPage, pub)).toMatchObject({ base: pub.base, notice: "none" });
    expect(joinTarget(local, pub)).toMatchObject({ base: pub.base, notice: "replaced" });
  });

  it("warns when nothing reachable is known, but not before the server has answered", () => {
    expect(joinTarget(local, { base: null, source: "none" })).toEqual({
      base: "http://localhost:2567",
      loopback: true,
      notice: "unreachable",
    });
    expect(joinTarget(local, null).notice).toBe("none");
  });

  it("reads only a well-formed server answer", () => {
    expect(parseServerAddress({ base: "http://10.0.0.5:80/", source: "lan" })).toEqual({
      base: "http://10.0.0.5:80",
      source: "lan",
    });
    expect(parseServerAddress({ base: null, source: "none" })).toEqual({
      base: null,
      source: "none",
    });
    expect(parseServerAddress({ base: "javascript:alert(1)", source: "lan" })).toBeNull();
    expect(parseServerAddress({ base: "http://x", source: "elsewhere" })).toBeNull();
    expect(parseServerAddress("http://x")).toBeNull();
  });
});

describe("Mes ateliers", () => {
  const answer = [
    {
      code: "ABC234",
      kind: "workshop",
      scenarioId: "new-cfo",
      phase: "decision",
      turn: 2,
      turnsTotal: 16,
      teams: 3,
      createdAt: Date.UTC(2026, 2, 5, 9, 30),
      endedAt: 0,
      actions: 40,
      finished: false,
      quarantined: null,
    },
    { code: "SOLO01", kind: "solo", scenarioId: "default", phase: "briefing", teams: 4 },
    { code: "BAD", kind: "workshop", phase: "nonsense" },
    {
      code: "XYZ789",
      kind: "workshop",
      scenarioId: "default",
      phase: "ended",
      turn: 4,
      turnsTotal: 4,
      teams: 1,
      createdAt: Date.UTC(2026, 2, 6, 14, 0),
      quarantined: null,
    },
  ];

  it("keeps the workshops of each token, newest first, each code once", () => {
    const first = parseWorkshopList(answer, "tok-a");
    expect(first.map((w) => w.code)).toEqual(["ABC234", "XYZ789"]);
    expect(parseWorkshopList({ not: "a list" }, "tok-a")).toEqual([]);
    const again = parseWorkshopList(answer.slice(0, 1), "tok-b");
    const merged = mergeWorkshops([first, again]);
    expect(merged.map((w) => [w.code, w.token])).toEqual([
      ["XYZ789", "tok-a"],
      ["ABC234", "tok-a"],
    ]);
    expect(
      distinctTokens([
        { code: "A", token: "t1" },
        { code: "B", token: "t1" },
        { code: "C", token: "" },
        { code: "D", token: "t2" },
      ]),
    ).toEqual(["t1", "t2"]);
  });

  it("says where each one stands, in words, and what can be done with it", () => {
    const [live, ended] = parseWorkshopList(answer, "tok");
    const title = (id: string, turnsTotal: number) =>
      scenarioTitle("fr", getScenario(id)!, turnsTotal);
    const line = workshopLine("fr", live!, title);
    expect(line).toMatchObject({
      code: "ABC234",
      title: "Un nouveau DAF en année 2",
      status: "Décision · Trimestre 3 sur 16",
      canEnd: true,
      canReopen: true,
      quarantined: false,
    });
    expect(line.details).toMatch(/^3 équipes · créé le \d+ mars 2026/);
    const over = workshopLine("en", ended!, (id, turnsTotal) =>
      scenarioTitle("en", getScenario(id)!, turnsTotal),
    );
    expect(over).toMatchObject({
      title: "One year to bring the community to life",
      status: "Ended",
      canEnd: false,
      canReopen: true,
    });
    expect(over.details).toMatch(/^1 team · created on \d+ Mar 2026/);
    const damaged = workshopLine("fr", { ...live!, quarantined: true }, title);
    expect(damaged).toMatchObject({
      status: "Enregistrement endommagé, mis de côté",
      canEnd: false,
      canReopen: false,
    });
  });
});

describe("the console's and the board's words", () => {
  const game = playedGame(2);
  const players = [
    { id: "p1", name: "Ana", teamId: "t1", connected: true },
    { id: "p2", name: "Ben", teamId: "t2", connected: false },
    { id: "p3", name: "Chloé", teamId: "t2", connected: false },
  ];

  it("labels the submission count and names who is missing", () => {
    const view = viewFromGame(game, { submitted: ["t1"], players });
    expect(whoSubmitted(view)).toEqual({ done: ["Équipe 1"], waiting: ["Équipe 2"] });
    expect(submittedLabel("fr", view)).toBe("1 / 2 équipe a validé");
    expect(submittedLabel("en", view)).toBe("1 of 2 teams has submitted");
    const both = viewFromGame(game, { submitted: ["t1", "t2"], players });
    expect(submittedLabel("fr", both)).toBe("2 / 2 équipes ont validé");
    expect(waitingLine("fr", view)).toBe("En attente : Équipe 2");
    expect(waitingLine("fr", both)).toBe("En attente des autres équipes…");
    expect(disconnectedLine("fr", view)).toBe("Déconnectés : Ben et Chloé");
    expect(disconnectedLine("en", view)).toBe("Disconnected: Ben and Chloé");
    expect(disconnectedLine("fr", viewFromGame(game, { players: players.slice(0, 1) }))).toBe("");
  });

  it("agrees with the count of unspent tokens (Intl.PluralRules)", () => {
    const unspent = (lang: "fr" | "en", n: number) =>
      translatePlural(lang, "board.unspent", n, { n });
    expect(unspent("fr", 1)).toBe("1 jeton non dépensé sera perdu");
    expect(unspent("fr", 3)).toBe("3 jetons non dépensés seront perdus");
    expect(unspent("en", 1)).toBe("1 unspent token will be lost");
    expect(unspent("en", 3)).toBe("3 unspent tokens will be lost");
  });

  it("agrees with the count of teams that answered or submitted, on the projector too", () => {
    const count = (lang: "fr" | "en", base: "predict.answered" | "proj.teamsReady", n: number) =>
      translatePlural(lang, base, n, { n, total: 3 });
    expect(count("fr", "predict.answered", 1)).toBe("1 / 3 équipe a répondu");
    expect(count("fr", "predict.answered", 2)).toBe("2 / 3 équipes ont répondu");
    expect(count("fr", "proj.teamsReady", 0)).toBe("0 / 3 équipe a validé");
    expect(count("fr", "proj.teamsReady", 3)).toBe("3 / 3 équipes ont validé");
    expect(count("en", "predict.answered", 1)).toBe("1 of 3 teams has answered");
    expect(count("en", "proj.teamsReady", 2)).toBe("2 of 3 teams have submitted");
  });

  it("names the game's real length in the header", () => {
    const base = getScenario("default")!;
    expect(scenarioTitle("fr", base, 16)).toBe("Quatre ans pour faire vivre la communauté");
    expect(scenarioTitle("fr", base, 4)).toBe("Un an pour faire vivre la communauté");
    expect(scenarioTitle("en", base, 4)).toBe("One year to bring the community to life");
    expect(scenarioTitle("fr", base, 8)).toBe("2 ans pour faire vivre la communauté");
    const cfo = getScenario("new-cfo")!;
    expect(scenarioTitle("fr", cfo, 16)).toBe("Un nouveau DAF en année 2");
    expect(scenarioTitle("fr", cfo, 12)).toBe("Un nouveau DAF en année 2 · 3 ans");
    expect(scenarioTitle("en", cfo, 4)).toBe("A new CFO in year 2 · 1 year");
  });
});

describe("this browser's facilitator key", () => {
  it("is random base64url the server accepts as a strong token", () => {
    const keys = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const key = facilitatorKeyFrom(crypto.getRandomValues(new Uint8Array(FACILITATOR_KEY_BYTES)));
      expect(isFacilitatorKey(key)).toBe(true);
      expect(isStrongToken(key), key).toBe(true);
      keys.add(key);
    }
    expect(keys.size).toBe(200);
    expect(facilitatorKeyFrom(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe("-_-_");
    expect(isFacilitatorKey("short")).toBe(false);
    expect(isFacilitatorKey(null)).toBe(false);
  });
});
