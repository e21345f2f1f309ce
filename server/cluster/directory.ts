/**
 * The room listings Colyseus's matchmaker keeps (its driver: Redis in a cluster, memory in one
 * process), read as "which process lists this code", for the hosting decision (hosting.ts).
 */
import { matchMaker } from "@colyseus/core";
import type { RoomDirectory } from "./hosting";

export function matchMakerDirectory(): RoomDirectory {
  return {
    get self() {
      return matchMaker.processId;
    },
    async ownerOf(code) {
      const listing = await matchMaker.driver.findOne({ roomId: code });
      return listing?.processId ?? null;
    },
    async alive(processId) {
      // Colyseus's own process channel: closed by Redis the moment the process's link drops.
      return (await matchMaker.presence.channels(`p:${processId}`)).length > 0;
    },
    async forget(code) {
      await matchMaker.driver.remove(code);
    },
  };
}
