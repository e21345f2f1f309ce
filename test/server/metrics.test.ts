/**
 * `/metrics` (server/metrics.ts) after real SDK clients have played: the text parses as the
 * Prometheus exposition format line by line, rooms and clients are counted by kind, actions
 * accepted and refused (by code) moved by exactly what was played, every acknowledgement was
 * timed, a restore is counted, and the store-commit and ownership series the lead wires exist.
 * Each app has its own registry: two never share a counter.
 */
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics } from "../../server/metrics";
import type { SeatMessage } from "../../shared/index";
import {
  allocation,
  collect,
  createWorkshop,
  joinAs,
  request,
  waitFor,
  type AnyRoom,
} from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const NAME = String.raw`[a-zA-Z_:][a-zA-Z0-9_:]*`;
const LABELS = String.raw`\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:\\.|[^"\\])*"(?:,|(?=\})))*\}`;
const VALUE = String.raw`(?:NaN|[+-]?Inf|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)`;
const SAMPLE = new RegExp(`^(${NAME})(${LABELS})? (${VALUE})(?: -?\\d+)?$`);
const COMMENT = new RegExp(
  `^# (?:HELP ${NAME} .*|TYPE ${NAME} (?:counter|gauge|histogram|summary|untyped))$`,
);

/** Every sample, keyed `name{labels}` as printed; throws on a line that is not the format. */
function parse(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || COMMENT.test(line)) continue;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`not an exposition line: ${JSON.stringify(line)}`);
    samples.set(`${match[1]}${match[2] ?? ""}`, Number(match[3]));
  }
  return samples;
}

async function scrape(): Promise<Map<string, number>> {
  const res = await fetch(`${server.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parse(await res.text());
}

const value = (samples: Map<string, number>, key: string) => samples.get(key) ?? 0;

describe("/metrics", () => {
  it("counts rooms, clients, accepted and refused actions and acks after real play", async () => {
    const before = await scrape();
    const fac = await createWorkshop(server.url, { teams: 2, years: 1, seed: "metrics" });
    const ana = await joinAs(server.url, fac.code, { name: "Ana" });
    for (const r of [fac.room, ana.room]) r.reconnection.enabled = false;
    await request(fac.room, "team.rename", { teamId: "t1", name: "Les Lynx" });
    await request(fac.room, "game.start");
    await request(fac.room, "phase.next");
    await request(ana.room, "allocation.adjust", { bucket: "culture", delta: 1 });
    await request(ana.room, "allocation.submit", { allocation: allocation() });
    // Two refusals: a participant may not move the phase, nor submit twice.
    await expect(ana.room.request("phase.next")).rejects.toMatchObject({
      reason: { code: "role.not_facilitator" },
    });
    await expect(
      ana.room.request("allocation.submit", { allocation: allocation() }),
    ).rejects.toMatchObject({ reason: { code: "allocation.already_submitted" } });

    const after = await scrape();
    expect(value(after, 'elan_rooms{kind="workshop"}')).toBe(1);
    expect(value(after, 'elan_clients{kind="workshop"}')).toBe(2);
    expect(value(after, 'elan_rooms{kind="solo"}')).toBe(0);
    const moved = (key: string) => value(after, key) - value(before, key);
    for (const action of ["team.rename", "game.start", "phase.next", "allocation.submit"]) {
      expect(moved(`elan_actions_accepted_total{kind="workshop",action="${action}"}`), action).toBe(
        1,
      );
    }
    // The draft edit is acknowledged once its folded entry is durable.
    expect(moved('elan_actions_accepted_total{kind="workshop",action="allocation.adjust"}')).toBe(
      1,
    );
    expect(moved('elan_actions_refused_total{kind="workshop",code="role.not_facilitator"}')).toBe(
      1,
    );
    expect(
      moved('elan_actions_refused_total{kind="workshop",code="allocation.already_submitted"}'),
    ).toBe(1);
    // Every accepted action was timed from receipt to ack.
    const acks = moved('elan_ack_latency_seconds_count{kind="workshop"}');
    expect(acks).toBe(5);
    expect(moved('elan_ack_latency_seconds_bucket{le="+Inf",kind="workshop"}')).toBe(5);
    expect(moved('elan_ack_latency_seconds_sum{kind="workshop"}')).toBeGreaterThan(0);
    // Event-loop delay, in seconds, and the series the store and ownership report into.
    expect(after.has('elan_event_loop_delay_seconds{stat="p99"}')).toBe(true);
    expect(value(after, 'elan_event_loop_delay_seconds{stat="max"}')).toBeLessThan(5);
    expect(after.has("elan_ownership_losses_total")).toBe(true);
    expect(after.has("elan_store_commit_seconds_count")).toBe(true);
    await Promise.all([fac.room.leave(), ana.room.leave()]);
  });

  it("counts a room rebuilt from its log, and store commits reported to it", async () => {
    const solo: AnyRoom = await new Client(server.url).create("solo", { name: "Léa" });
    const seats = collect<SeatMessage>(solo, "seat");
    await waitFor(() => seats.length === 1, 5000, "solo seat");
    await request(solo, "phase.next");
    solo.reconnection.enabled = false;
    await solo.leave();
    await waitFor(() => !server.app.deps.live.has(solo.roomId), 5000, "solo room gone");
    const before = await scrape();

    const back: AnyRoom = await new Client(server.url).joinById(solo.roomId, {
      name: seats[0]?.name,
      seatToken: seats[0]?.token,
    });
    back.reconnection.enabled = false;
    back.onMessage("seat", () => {});
    server.app.metrics.storeCommit(3);
    const after = await scrape();
    expect(
      value(after, 'elan_restores_total{kind="solo"}') -
        value(before, 'elan_restores_total{kind="solo"}'),
    ).toBe(1);
    expect(value(after, 'elan_rooms{kind="solo"}')).toBe(1);
    expect(
      value(after, "elan_store_commit_seconds_count") -
        value(before, "elan_store_commit_seconds_count"),
    ).toBe(1);
    expect(value(after, 'elan_store_commit_seconds_bucket{le="0.005"}')).toBeGreaterThanOrEqual(1);
    await back.leave();
  });

  it("keeps each app's series on its own registry", async () => {
    const one = createMetrics({ live: () => [] });
    const two = createMetrics({ live: () => [] });
    one.actionRefused("workshop", "rate.limited");
    one.ownershipLost();
    const [a, b] = [parse((await one.scrape()).text), parse((await two.scrape()).text)];
    one.close();
    two.close();
    expect(a.get('elan_actions_refused_total{kind="workshop",code="rate.limited"}')).toBe(1);
    expect(a.get("elan_ownership_losses_total")).toBe(1);
    expect(b.has('elan_actions_refused_total{kind="workshop",code="rate.limited"}')).toBe(false);
    expect(b.get("elan_ownership_losses_total")).toBe(0);
  });

  it("rejects a line that is not the exposition format (the parser can fail)", () => {
    expect(() => parse("elan_rooms{kind=workshop} 1")).toThrow(/not an exposition line/);
    expect(() => parse("elan rooms 1")).toThrow(/not an exposition line/);
  });
});
