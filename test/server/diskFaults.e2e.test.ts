/**
 * Faults of the machine, on real disks: a tmpfs that fills up, and an ext4 image the kernel
 * turns read-only mid-game. Whatever the disk does, the process stays up, a write that fails
 * is answered `server.error` and undone (the room goes back to its durable log), `/health`
 * says the store is failing (still 200: alive) and `/ready` answers 503, every acknowledged action survives, and once the disk is back the
 * game goes on and a restart rebuilds the same state.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startApp, type ElanApp } from "../../server/app";
import { sessionHash } from "../../server/session/hash";
import { replaySession } from "../../server/session/session";
import type { Ack, ErrorMessage } from "../../shared/index";
import {
  allocation,
  createWorkshop,
  joinAs,
  request,
  waitFor,
  type AnyRoom,
} from "../helpers/clients";
import { diskFaultsAvailable, ext4Disk, tmpfsDisk, type SmallDisk } from "../helpers/disks";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

async function startOn(disk: SmallDisk): Promise<{ app: ElanApp; url: string }> {
  const app = await startApp({
    port: 0,
    host: "127.0.0.1",
    dataDir: disk.dir,
    rateLimit: { burst: 1000, perSecond: 1000 },
  });
  return { app, url: `http://127.0.0.1:${app.port}` };
}

const liveSession = (app: ElanApp, code: string) => {
  const live = app.deps.live.get(code);
  if (!live) throw new Error(`${code} is not live`);
  return live.session;
};

/** The durable log replayed: what a restart would rebuild. */
async function durableHash(app: ElanApp, code: string): Promise<string> {
  const stored = await app.deps.store.load(code);
  if (!stored) throw new Error(`${code} is not stored`);
  return sessionHash(replaySession(stored.record.config, stored.log));
}

async function health(url: string): Promise<{ status: number; body: { store: { ok: boolean } } }> {
  const res = await fetch(`${url}/health`);
  return { status: res.status, body: (await res.json()) as { store: { ok: boolean } } };
}

async function readiness(url: string): Promise<{ status: number; failed: string[] }> {
  const res = await fetch(`${url}/ready`);
  return { status: res.status, failed: ((await res.json()) as { failed: string[] }).failed };
}

/** Edits drafts until the store refuses one (a full WAL may still take a few). */
async function editUntilRefused(room: AnyRoom): Promise<{ acked: number; refusal: ErrorMessage }> {
  let acked = 0;
  for (let i = 0; i < 400; i++) {
    try {
      await room.request("allocation.adjust", { bucket: "culture", delta: i % 2 ? -1 : 1 });
      acked++;
    } catch (error) {
      return { acked, refusal: (error as { reason: ErrorMessage }).reason };
    }
  }
  throw new Error("the store never refused a write");
}

async function playIntoDecision(url: string, decisionSeconds: number) {
  const fac = await createWorkshop(url, { teams: 2, years: 1, decisionSeconds, seed: "disk" });
  const ana = await joinAs(url, fac.code, { name: "Ana" });
  for (const r of [fac.room, ana.room]) r.reconnection.enabled = false;
  await request(fac.room, "game.start");
  await request(fac.room, "phase.next");
  // Two tokens left free, for the edits that follow.
  await request(ana.room, "allocation.set", { allocation: allocation({ campaigns: 0 }) });
  return { fac, ana };
}

const faults = diskFaultsAvailable();

describe.runIf(faults)("a disk that fills up", () => {
  it("refuses and undoes what it cannot store, stays up, and resumes when space is back", async () => {
    const disk = tmpfsDisk(1024);
    cleanups.push(() => disk.dispose());
    let { app, url } = await startOn(disk);
    cleanups.push(() => app.close());
    const { fac, ana } = await playIntoDecision(url, 2);
    const other = await createWorkshop(url, { teams: 2, years: 1, seed: "other" });
    other.room.reconnection.enabled = false;

    disk.fill();
    const { refusal } = await editUntilRefused(ana.room);
    expect(refusal.code).toBe("server.error");
    expect(refusal.message).toMatch(/store/i);
    // The live room went back to exactly what is durable; the store reports the failure.
    const durable = await durableHash(app, fac.code);
    await waitFor(
      () => sessionHash(liveSession(app, fac.code)) === durable,
      5000,
      "room rebuilt from its durable log",
    );
    // Alive (a restart would not mend the disk), but not ready for more traffic.
    const failing = await health(url);
    expect(failing.status).toBe(200);
    expect(failing.body.store.ok).toBe(false);
    expect(await readiness(url)).toEqual({ status: 503, failed: ["store"] });
    // The decision timer runs out while nothing can be stored: no crash, the quarter waits.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(liveSession(app, fac.code).phase).toBe("decision");
    // Another workshop on the same full disk is refused the same way, and is not closed.
    const refusedElsewhere = await other.room
      .request("team.rename", { teamId: "t1", name: "Les Lynx" })
      .then(
        () => null,
        (e: { reason: ErrorMessage }) => e.reason,
      );
    expect(refusedElsewhere?.code).toBe("server.error");

    disk.unfill();
    await waitFor(() => liveSession(app, fac.code).phase === "results", 5000, "timer expiry");
    const ack = await request<Ack>(ana.room, "allocation.set", { allocation: allocation() }).catch(
      () => null,
    );
    expect(ack).toBeNull(); // the quarter resolved once the disk had room again
    await request(other.room, "team.rename", { teamId: "t1", name: "Les Lynx" });
    expect((await health(url)).body.store.ok).toBe(true);
    expect(await readiness(url)).toEqual({ status: 200, failed: [] });

    const before = sessionHash(liveSession(app, fac.code));
    await Promise.all([fac.room.leave(), ana.room.leave(), other.room.leave()]);
    await app.close();
    ({ app, url } = await startOn(disk));
    expect(app.restored).toContain(fac.code);
    expect(sessionHash(liveSession(app, fac.code))).toBe(before);
  });
});

describe.runIf(faults)("a disk that turns read-only", () => {
  it("keeps every acknowledged action and the process up; the game goes on after repair", async () => {
    const disk = ext4Disk(16);
    cleanups.push(() => disk.dispose());
    let { app, url } = await startOn(disk);
    let closed = false;
    cleanups.push(async () => {
      if (!closed) await app.close();
    });
    const { fac, ana } = await playIntoDecision(url, 0);
    const acked = await request<Ack>(ana.room, "allocation.adjust", {
      bucket: "support",
      delta: 1,
    });
    const ackedHash = await durableHash(app, fac.code);

    disk.breakToReadOnly();
    const refused = await ana.room.request("allocation.submit", { allocation: allocation() }).then(
      () => null,
      (e: { reason: ErrorMessage }) => e.reason,
    );
    expect(refused?.code).toBe("server.error");
    await waitFor(
      () => sessionHash(liveSession(app, fac.code)) === ackedHash,
      5000,
      "room back to its durable state",
    );
    expect((await health(url)).body.store.ok).toBe(false);
    // The facilitator's actions fail the same way, without closing anything.
    const next = await fac.room.request("phase.next").then(
      () => null,
      (e: { reason: ErrorMessage }) => e.reason,
    );
    expect(next?.code).toBe("server.error");
    expect(fac.room.connection.isOpen).toBe(true);

    await Promise.all([fac.room.leave(), ana.room.leave()]);
    await app.close();
    closed = true;
    disk.remount();
    ({ app, url } = await startOn(disk));
    closed = false;
    expect(app.restored).toContain(fac.code);
    expect(sessionHash(liveSession(app, fac.code))).toBe(ackedHash);
    expect(liveSession(app, fac.code).seq).toBeGreaterThanOrEqual(acked.seq);
    const facAgain = await createWorkshop(url, { teams: 2, years: 1 });
    facAgain.room.reconnection.enabled = false;
    await request(facAgain.room, "team.rename", { teamId: "t2", name: "Encore" });
    await facAgain.room.leave();
  });
});

describe.skipIf(faults)("disk faults", () => {
  it.skip("need root, tmpfs and loop devices (run by .ci/run as root)", () => undefined);
});
