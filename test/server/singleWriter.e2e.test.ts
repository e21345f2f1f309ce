/**
 * A live room on PostgreSQL whose log someone else appended to (a second writer: a process that
 * wrongly believes it owns the workshop). The room's next append is refused by the database —
 * loudly, not forked — and the room rebuilds itself from the log, asynchronously, answering
 * `server.error` only once it is back to what is durable; it then goes on from there.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionHash } from "../../server/session/hash";
import { replaySession } from "../../server/session/session";
import type { Envelope } from "../../server/session/types";
import type { Ack, ErrorMessage } from "../../shared/index";
import { createWorkshop, request, waitFor } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";
import { sqlOn } from "../helpers/databases";
import { startPostgres, type TestPostgres } from "../../server/cli/services/postgres";

let postgres: TestPostgres;
let server: TestServer;
let url: string;
beforeAll(async () => {
  postgres = await startPostgres();
  url = await postgres.createDatabase();
  server = await startTestServer({ databaseUrl: url });
}, 60_000);
afterAll(async () => {
  await server?.close();
  postgres?.stop();
});

const query = (text: string, values: unknown[] = []) => sqlOn(url, text, values);

describe("a second writer on a live room's PostgreSQL log", () => {
  it("is refused by the database; the room rebuilds from the log and goes on", async () => {
    const fac = await createWorkshop(server.url, { teams: 2, years: 1, seed: "writers" });
    fac.room.reconnection.enabled = false;
    const first = await request<Ack>(fac.room, "team.rename", { teamId: "t1", name: "Les Lynx" });
    const live = () => server.app.deps.live.get(fac.code)?.session;
    expect(live()?.seq).toBe(first.seq);

    // The intruder takes the next number: the database accepts it (it is the next one).
    const intruder: Envelope = {
      at: Date.now(),
      by: { kind: "facilitator" },
      action: { type: "team.rename", teamId: "t2", name: "Intrus" },
    };
    await query("INSERT INTO actions (code, seq, at, envelope) VALUES ($1, $2, $3, $4)", [
      fac.code,
      first.seq + 1,
      intruder.at,
      JSON.stringify(intruder),
    ]);

    // The room still believes it writes number seq + 1: refused, then rebuilt before answering.
    const refused = await fac.room.request("team.rename", { teamId: "t1", name: "Les Ours" }).then(
      () => null,
      (e: { reason: ErrorMessage }) => e.reason,
    );
    expect(refused?.code).toBe("server.error");
    const answeredAt = { seq: live()?.seq, hash: sessionHash(live()!) };
    const stored = await server.app.deps.store.load(fac.code);
    if (!stored) throw new Error("not stored");
    expect(stored.log.map((e) => e.action.type === "team.rename" && e.action.name)).toEqual([
      "Les Lynx",
      "Intrus",
    ]);
    // Already rebuilt when the refusal arrived: the intruder's row is in the live state.
    expect(answeredAt.seq).toBe(first.seq + 1);
    expect(answeredAt.hash).toBe(sessionHash(replaySession(stored.record.config, stored.log)));
    await waitFor(() => fac.room.state.teams.get("t2")?.name === "Intrus", 2000, "the view");
    expect(fac.room.state.teams.get("t1")?.name).toBe("Les Lynx");

    // It goes on from the log: the next number, gap-free.
    const next = await request<Ack>(fac.room, "team.rename", { teamId: "t1", name: "Les Ours" });
    expect(next.seq).toBe(first.seq + 2);
    const seqs = await query("SELECT seq FROM actions WHERE code = $1 ORDER BY seq", [fac.code]);
    expect(seqs.map((r) => r.seq)).toEqual(Array.from({ length: next.seq }, (_, i) => i + 1));
    expect(server.app.deps.store.health().ok).toBe(true);
    await fac.room.leave();
  });
});
