/**
 * The debrief's data for the screens that show it (debrief, projector): the server's log,
 * fetched once per room and quarter count, and what the debrief credits (attribution, best
 * changes, loops), computed once from it in a Web Worker. Crediting a 4-team, 16-quarter room
 * replays it a few thousand times (≈ 0.1–0.3 s): on the main thread that would freeze the page,
 * so it runs there only if no worker can start.
 */
import type { TeamInsights } from "../../../shared/analysis/insights";
import type { DebriefData } from "../../../shared/protocol/view";
import type { Session } from "../net/session";
import type { InsightsReply } from "./insightsCompute";

export interface InsightsResult {
  teams: TeamInsights[];
  /** Time the computation itself took, where it ran. */
  ms: number;
  where: "worker" | "main";
}

function onMainThread(data: DebriefData): Promise<InsightsReply> {
  return import("./insightsCompute").then((m) => m.computeInsights(data));
}

function inWorker(data: DebriefData): Promise<InsightsReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./insights.worker.ts", import.meta.url), {
      type: "module",
    });
    worker.addEventListener("message", (event: MessageEvent<InsightsReply>) => {
      worker.terminate();
      resolve(event.data);
    });
    worker.addEventListener("error", (event) => {
      worker.terminate();
      reject(new Error(event.message || "The debrief worker failed."));
    });
    worker.postMessage(data);
  });
}

async function compute(data: DebriefData): Promise<InsightsResult> {
  let reply: InsightsReply;
  let where: InsightsResult["where"] = "worker";
  try {
    if (typeof Worker === "undefined") throw new Error("no Worker");
    reply = await inWorker(data);
  } catch {
    where = "main";
    reply = await onMainThread(data);
  }
  if (!reply.ok) throw new Error(reply.message);
  return { teams: reply.teams, ms: reply.ms, where };
}

export class DebriefStore {
  private key = "";
  private data: Promise<DebriefData> | null = null;
  private insights: Promise<InsightsResult> | null = null;

  /** Same room, same number of quarters: same log. */
  private keyOf(session: Session): string {
    return `${session.roomId}:${session.view?.turn ?? 0}`;
  }

  private reset(session: Session): void {
    const key = this.keyOf(session);
    if (key === this.key) return;
    this.key = key;
    this.data = null;
    this.insights = null;
  }

  log(session: Session): Promise<DebriefData> {
    this.reset(session);
    if (!this.data) {
      const pending = session.debriefData();
      // A failed fetch is not kept: the next screen to ask tries again.
      pending.catch(() => {
        if (this.data === pending) this.data = null;
      });
      this.data = pending;
    }
    return this.data;
  }

  credit(session: Session): Promise<InsightsResult> {
    this.reset(session);
    if (!this.insights) {
      const started = performance.now();
      const pending = this.log(session)
        .then(compute)
        .then((result) => {
          const hooks = window.__elan;
          if (hooks) {
            hooks.debriefInsights = {
              ms: result.ms,
              where: result.where,
              waitMs: performance.now() - started,
            };
          }
          return result;
        });
      pending.catch(() => {
        if (this.insights === pending) this.insights = null;
      });
      this.insights = pending;
    }
    return this.insights;
  }

  /** For the browser test: the same computation timed on the main thread. */
  async timeOnMainThread(session: Session): Promise<number> {
    const reply = await onMainThread(await this.log(session));
    if (!reply.ok) throw new Error(reply.message);
    return reply.ms;
  }
}
