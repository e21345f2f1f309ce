import { describe, expect, it } from "vitest";
import { formatJoinError, SCENARIOS } from "../../shared/index";
import { errorKey } from "../../client/src/viewmodels/errors";
import { CLIENT_SCENARIOS } from "../../client/src/scenarios";
import { serverUrl } from "../../client/src/net/endpoint";
import { reasonsModel, causeLabel } from "../../client/src/viewmodels/reasons";

describe("refusals in words", () => {
  it("reads server codes from messages, request rejections and matchmaking errors", () => {
    expect(errorKey({ code: "phase.wrong", message: "x" })).toBe("error.phase.wrong");
    expect(
      errorKey({ name: "rejected", reason: { code: "allocation.over_budget", message: "" } }),
    ).toBe("error.allocation.over_budget");
    expect(errorKey({ code: 525, message: formatJoinError("join.name_taken", "Someone…") })).toBe(
      "error.join.name_taken",
    );
    expect(errorKey({ code: 4212, message: 'room "ZZZZZZ" not found' })).toBe(
      "error.join.unknown_code",
    );
    expect(errorKey({ code: 521, message: "" })).toBe("error.join.unknown_code");
    expect(errorKey(new Error("Failed to fetch"))).toBe("error.network");
    expect(errorKey("nonsense")).toBe("error.generic");
    expect(errorKey(undefined)).toBe("error.generic");
  });
});

describe("what the client bundles of shared/", () => {
  it("ships exactly the validated built-in scenarios", () => {
    expect(CLIENT_SCENARIOS.map((s) => s.id)).toEqual([
      "default",
      ...SCENARIOS.map((s) => s.id)
        .filter((id) => id !== "default")
        .sort(),
    ]);
    for (const s of CLIENT_SCENARIOS) expect(s).toEqual(SCENARIOS.find((x) => x.id === s.id));
  });
  it("connects to its own origin in production and to the dev server port in development", () => {
    const loc = {
      protocol: "https:",
      host: "elan.example",
      hostname: "elan.example",
      origin: "https://elan.example",
    };
    expect(serverUrl(loc, false)).toBe("https://elan.example");
    expect(serverUrl({ ...loc, protocol: "http:" }, true)).toBe("http://elan.example:2567");
    expect(serverUrl(loc, true, "http://other:1")).toBe("http://other:1");
  });
});

describe("reasons", () => {
  it("groups the top reasons per gauge, biggest first, translated", () => {
    const model = reasonsModel("en", [
      { gauge: "trust", cause: "governance", value: 0.01 },
      { gauge: "trust", cause: "backfire", value: -0.07 },
      { gauge: "engagement", cause: "event:platformChange", value: -0.02 },
      { gauge: "reach", cause: "virality", value: 0 },
    ]);
    expect(model.map((g) => g.gauge)).toEqual(["engagement", "reach", "trust"]);
    expect(model[2]?.lines.map((l) => l.label)).toEqual(["backfired campaign", "governance"]);
    expect(model[2]?.lines[0]).toMatchObject({ positive: false, display: "-7.0%" });
    expect(model[1]?.lines).toEqual([]);
    expect(causeLabel("fr", "event:newCfo")).toBe("événement : Nouveau directeur financier");
  });
});
