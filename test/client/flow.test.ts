import { describe, expect, it } from "vitest";
import { SCENES } from "../../client/src/constants";
import { routeFor } from "../../client/src/viewmodels/route";
import { currentQuarter, trackModel } from "../../client/src/viewmodels/track";
import { timerModel } from "../../client/src/viewmodels/timer";
import { clock } from "../../client/src/viewmodels/format";
import { workshopDownloads } from "../../client/src/viewmodels/downloads";
import {
  consoleLinks,
  emptyTeams,
  lobbyTeams,
  phaseControl,
  submissions,
  unassigned,
} from "../../client/src/viewmodels/facilitator";
import { playedGame, viewFromGame } from "./fixtures";

describe("routing", () => {
  it("sends each role to its screen", () => {
    const base = { connected: true, phase: "decision" as const };
    expect(routeFor({ connected: false, role: null, phase: null })).toBe(SCENES.home);
    expect(routeFor({ ...base, role: "participant", phase: "lobby" })).toBe(SCENES.lobby);
    expect(routeFor({ ...base, role: "participant" })).toBe(SCENES.board);
    expect(routeFor({ ...base, role: "participant", phase: "debrief" })).toBe(SCENES.debrief);
    expect(routeFor({ ...base, role: "participant", phase: "ended", preferBoard: true })).toBe(
      SCENES.board,
    );
    expect(routeFor({ ...base, role: "solo", phase: "briefing" })).toBe(SCENES.board);
    expect(routeFor({ ...base, role: "facilitator", phase: "debrief" })).toBe(SCENES.facilitator);
    expect(routeFor({ ...base, role: "facilitator", phase: "debrief", wantsDebrief: true })).toBe(
      SCENES.debrief,
    );
    expect(routeFor({ ...base, role: "projector", phase: "lobby" })).toBe(SCENES.projector);
  });
});

describe("the quarter track", () => {
  it("marks played, current and future quarters, by year", () => {
    const years = trackModel("decision", 5, 16, [[], [], [], [], ["badBuzz"]], ["newCfo"]);
    expect(years).toHaveLength(4);
    const quarters = years.flatMap((y) => y.quarters);
    expect(quarters.filter((q) => q.state === "done")).toHaveLength(5);
    expect(quarters[5]).toMatchObject({ quarter: 6, state: "current", event: true });
    expect(quarters[4]?.event).toBe(true);
    expect(quarters[6]?.state).toBe("future");
    expect(trackModel("results", 5, 16, [], []).flatMap((y) => y.quarters)[4]?.state).toBe("done");
    expect(currentQuarter("lobby", 0, 16)).toBe(1);
    expect(currentQuarter("results", 5, 16)).toBe(5);
    expect(currentQuarter("briefing", 16, 16)).toBe(16);
  });
});

describe("the decision timer", () => {
  const view = viewFromGame(playedGame(1), { phase: "decision" });
  it("counts down to the deadline and says when it is urgent", () => {
    const t = timerModel({ ...view, deadline: 100_000 }, 100_000 - 61_000);
    expect(t).toMatchObject({ active: true, text: "1:01", urgency: "calm" });
    expect(timerModel({ ...view, deadline: 100_000 }, 100_000 - 10_000).urgency).toBe("urgent");
    expect(timerModel({ ...view, deadline: 100_000 }, 200_000).text).toBe("0:00");
  });
  it("freezes while paused and hides without a timer or outside decisions", () => {
    expect(timerModel({ ...view, paused: true, remainingMs: 42_000 }, 0)).toMatchObject({
      paused: true,
      text: "0:42",
      urgency: "soon",
    });
    expect(timerModel(view, 0).active).toBe(false);
    expect(timerModel({ ...view, phase: "results", deadline: 5 }, 0).active).toBe(false);
    expect(clock(59_001)).toBe("1:00");
  });
});

describe("the facilitator console", () => {
  const players = [
    { id: "p1", name: "Zoé", teamId: "t1", connected: true },
    { id: "p9", name: "Lost", teamId: "", connected: true },
  ];
  const view = viewFromGame(playedGame(2), { players, submitted: ["t2"] });

  it("lists teams with their players and who has submitted", () => {
    const teams = lobbyTeams(view);
    expect(teams.map((t) => t.players.map((p) => p.name))).toEqual([["Zoé"], []]);
    expect(submissions(view)).toEqual({ submitted: 1, total: 2 });
    expect(unassigned(view).map((p) => p.name)).toEqual(["Lost"]);
    expect(emptyTeams(view)).toEqual(["t2"]);
  });

  it("offers the one control that moves the game on", () => {
    expect(phaseControl("lobby", 0, 16)).toEqual({ message: "game.start", label: "fac.start" });
    expect(phaseControl("decision", 3, 16)?.label).toBe("fac.next.decision");
    expect(phaseControl("results", 3, 16)?.label).toBe("fac.next.results");
    expect(phaseControl("results", 16, 16)?.label).toBe("fac.next.last");
    expect(phaseControl("ended", 16, 16)).toBeNull();
  });

  it("builds the join and private links on the reachable address, the projector's on the page's", () => {
    const links = consoleLinks(
      "http://localhost:2567",
      "https://elan.example",
      "ABC234",
      "s3cret/+",
    );
    expect(links.join).toBe("https://elan.example/?code=ABC234");
    // The projector is opened from this very page, on this machine.
    expect(links.projector).toBe("http://localhost:2567/?code=ABC234&view=projector");
    // The token stays in the fragment (never sent to a server).
    expect(links.facilitator).toBe("https://elan.example/?code=ABC234#facilitator=s3cret%2F%2B");
    for (const url of [links.join, links.projector]) expect(url).not.toContain("s3cret");
    expect(new URL(links.facilitator).search).not.toContain("s3cret");
  });

  it("lists every download once, the token never in a URL", () => {
    const downloads = workshopDownloads("https://elan.example", "ABC234");
    expect(downloads.map((d) => [d.id, d.url, d.fileName])).toEqual([
      ["csv", "https://elan.example/api/workshops/ABC234/export?format=csv", "elan-ABC234.csv"],
      [
        "csv-fr",
        "https://elan.example/api/workshops/ABC234/export?format=csv-fr",
        "elan-ABC234-fr.csv",
      ],
      ["json", "https://elan.example/api/workshops/ABC234/export?format=json", "elan-ABC234.json"],
    ]);
  });
});
