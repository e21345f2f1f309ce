import { Protocol } from "@colyseus/core";
import type { ElanClient } from "./deps";

/**
 * With per-viewer filtering, Colyseus sends every connection a patch on each tick anything
 * changed, even when its view of the change is empty (a single header byte): a draft edit in
 * one team would cost a socket write per connection in the room. Those frames carry nothing,
 * so they are dropped here; in profiles this halves the server's socket writes.
 */
export function skipEmptyPatches(client: ElanClient): void {
  const raw = client.raw.bind(client);
  client.raw = (data, options, cb) => {
    if (data.length === 1 && data[0] === Protocol.ROOM_STATE_PATCH) return cb?.();
    raw(data, options, cb);
  };
}
