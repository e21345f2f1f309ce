/**
 * The SQLite store: records, gap-free logs that survive reopening the file, the list of
 * unfinished workshops to restore, and listing by facilitator token.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SqliteStore } from "../../server/store/sqlite";
import { tempDataDir } from "../helpers/server";
import { FACILITATOR, workshopHarness } from "../helpers/session";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openStore() {
  const dir = tempDataDir();
  dirs.push(dir);
  const file = join(dir, "elan.sqlite");
  return { file, store: new SqliteStore(file) };
}

describe("SqliteStore", () => {
  it("keeps records and logs across reopening", async () => {
    const { file, store } = openStore();
    const h = workshopHarness();
    h.join("pa");
    h.act(FACILITATOR, { type: "game.start" });
    store.create({
      code: "TESTAB",
      kind: "workshop",
      config: h.config,
      facilitatorHash: "f1",
      createdAt: 5,
    });
    await Promise.all(h.log.map((envelope, i) => store.append("TESTAB", i + 1, envelope)));
    await expect(store.append("TESTAB", 1, h.log[0]!)).rejects.toThrow(); // seq is unique
    await store.close();

    const reopened = new SqliteStore(file);
    const loaded = await reopened.load("TESTAB");
    expect(loaded?.record.config).toEqual(h.config);
    expect(loaded?.log).toEqual(h.log);
    expect(await reopened.exists("TESTAB")).toBe(true);
    expect(await reopened.exists("NOPE22")).toBe(false);
    expect(await reopened.load("NOPE22")).toBeUndefined();
    await reopened.close();
  });

  it("lists unfinished workshops and a facilitator's workshops", async () => {
    const { store } = openStore();
    const h = workshopHarness();
    for (const [code, hash] of [
      ["AAAAAA", "f1"],
      ["BBBBBB", "f1"],
      ["CCCCCC", "f2"],
    ] as const) {
      store.create({
        code,
        kind: "workshop",
        config: h.config,
        facilitatorHash: hash,
        createdAt: 1,
      });
    }
    await store.append("AAAAAA", 1, { at: 1, by: FACILITATOR, action: { type: "game.start" } });
    store.setStatus("BBBBBB", { phase: "ended", turn: 2, endedAt: 9 });
    expect((await store.unfinished()).sort()).toEqual(["AAAAAA", "CCCCCC"]);
    const mine = await store.listByFacilitator("f1");
    expect(mine.map((w) => [w.code, w.phase, w.actions]).sort()).toEqual([
      ["AAAAAA", "lobby", 1],
      ["BBBBBB", "ended", 0],
    ]);
    expect(await store.listByFacilitator("nobody")).toEqual([]);
    await store.close();
  });
});
