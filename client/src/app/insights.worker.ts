/** The debrief's attribution off the main thread: one request (the debrief data), one reply. */
import type { DebriefData } from "../../../shared/protocol/view";
import { computeInsights, type InsightsReply } from "./insightsCompute";

addEventListener("message", (event: MessageEvent<DebriefData>) => {
  let reply: InsightsReply;
  try {
    reply = computeInsights(event.data);
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  postMessage(reply);
});
