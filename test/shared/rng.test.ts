import { describe, expect, it } from "vitest";
import { openStream, resumeStream, streamKey } from "../../shared/index";
import { openStreams } from "../../shared/model/rng";

// Pinned first draws of each stream: if seedrandom or the key scheme changes, every saved game
// and golden trajectory would silently change with it. This test says so first.
describe("random streams", () => {
  it.each([
    [streamKey("golden", "moment"), [0.15913956426084042, 0.6422838040161878, 0.10628686170093715]],
    [streamKey("golden", "events"), [0.21670317417010665, 0.6317223266232759, 0.1258425056003034]],
    [
      streamKey("golden", "buzz", "team-1"),
      [0.7917656202334911, 0.06354669947177172, 0.5745178044307977],
    ],
    [
      streamKey("golden", "bot", 1, "team-1"),
      [0.011282884515821934, 0.15493615251034498, 0.20905318181030452],
    ],
  ])("%s starts with its pinned draws", (key, expected) => {
    const stream = openStream(key);
    expect([stream.next(), stream.next(), stream.next()]).toEqual(expected);
  });

  it("resumes from a saved state exactly where it stopped", () => {
    const a = openStream("resume");
    for (let i = 0; i < 17; i++) a.next();
    const saved = JSON.parse(JSON.stringify(a.state()));
    const b = resumeStream(saved);
    expect([b.next(), b.nextPositive()]).toEqual([a.next(), a.nextPositive()]);
  });

  it("draw-only streams give the saved streams' numbers and refuse to save", () => {
    const keys = ["a", streamKey("golden", "buzz", "team-1")];
    const drawOnly = openStreams(keys);
    const out = new Float64Array(5);
    keys.forEach((key, i) => {
      const saved = openStream(key);
      drawOnly[i]!.fill(out, 5);
      expect([...out]).toEqual(Array.from({ length: 5 }, () => saved.next()));
      expect(() => drawOnly[i]!.state()).toThrow(/no state to save/);
    });
  });

  it("draws in [0, 1) and nextPositive in (0, 1]", () => {
    const s = openStream("range");
    for (let i = 0; i < 10_000; i++) {
      const u = s.next();
      const v = s.nextPositive();
      expect(u >= 0 && u < 1 && v > 0 && v <= 1).toBe(true);
    }
  });
});
