/**
 * A patch of `SchemaSerializer.prototype.getFullState` (@colyseus/core 0.18.17, @colyseus/schema
 * 5.0.34) for a bug that corrupts every full state sent through a StateView once the room's
 * state outgrows `Encoder.BUFFER_SIZE` (16 kB: 4 teams from about quarter 11, 8 teams from
 * about quarter 6). Install it once per process, before rooms send state: `startApp` does.
 *
 * The bug: the serializer encodes the shared part of a full state into its own
 * `fullEncodeBuffer`, then each viewer's hidden part after it in the same buffer. When the shared
 * part does not fit, `encoder.encodeAll(it, fullEncodeBuffer)` grows into a new array and returns
 * a view of it, but the serializer keeps its old 16 kB array; `encodeAllView` then writes the
 * viewer's part into that stale array and sends the shared bytes from there, cut at 16 kB and
 * zero-filled past it. Every client with a StateView that gets a full state (a late join, a seat
 * reclaimed with its token, an SDK auto-reconnect, a facilitator coming back) decodes garbage:
 * `"refId" not found`, no players, undefined histories, phantom teams. Clients that only get
 * patches, and view-less clients (the projector), are fine. The server logs schema's "buffer
 * overflow… higher than default BUFFER_SIZE" warning twice on each such full state.
 *
 * The fix: right after `encodeAll`, adopt the array that holds the encoded shared part as
 * `fullEncodeBuffer`, keeping half the shared part's size again as headroom (so the viewers'
 * hidden parts and the next few quarters of history fit without growing, and schema's overflow
 * warning stays rare), then encode the view part there as upstream does. Raising
 * `Encoder.BUFFER_SIZE` instead costs memory in every room and breaks again past the guess.
 *
 * Re-check on every @colyseus/core (and @colyseus/schema) upgrade: compare upstream
 * `getFullState` (build/serializer/SchemaSerializer.mjs) with `fullState` below, and drop this
 * module once upstream adopts the grown buffer itself. `installFullStatePatch` throws at startup
 * if the method it replaces no longer has the shape this patch was written for;
 * test/server/fullState.test.ts and test/server/latejoin.test.ts show the bug without it.
 */
import { SchemaSerializer } from "@colyseus/core";
import { Encoder, type Iterator, type StateView } from "@colyseus/schema";

/** The private fields of SchemaSerializer this patch reads and writes. */
interface SerializerInternals {
  encoder: Encoder;
  hasFilters: boolean;
  needFullEncode: boolean;
  fullEncodeBuffer: Uint8Array;
  fullEncodeCache: Uint8Array;
  sharedOffsetCache: Iterator;
}

type GetFullState = (
  this: SerializerInternals,
  client?: { view?: StateView },
  timing?: unknown,
) => Uint8Array;

const PATCHED = Symbol.for("elan.fullStatePatch");

/** What upstream's `getFullState` must contain for this patch to replace it faithfully. */
const EXPECTED_SOURCE = [
  "this.needFullEncode",
  "this.encoder.root.changes.next",
  "this.sharedOffsetCache = { offset: 1 }",
  "this.fullEncodeCache = this.encoder.encodeAll(this.sharedOffsetCache, this.fullEncodeBuffer)",
  "this.encoder.encodeAllView(",
  "this.fullEncodeBuffer",
];

/**
 * The buffer to keep after a shared encode of `encoded.byteLength` bytes into `buffer`: the
 * same one while it is still the one written to and has headroom, else a copy twice the size.
 */
export function adoptFullEncodeBuffer(buffer: Uint8Array, encoded: Uint8Array): Uint8Array {
  const used = encoded.byteLength;
  if (encoded.buffer === buffer.buffer && used + used / 2 <= buffer.byteLength) return buffer;
  const step = Encoder.BUFFER_SIZE;
  const adopted = new Uint8Array(Math.ceil((used * 2) / step) * step);
  adopted.set(encoded);
  return adopted;
}

let original: GetFullState | undefined;

/** Upstream's `getFullState`, with the shared buffer adopted right after `encodeAll`. */
function fullState(
  this: SerializerInternals,
  client?: { view?: StateView },
  timing?: unknown,
): Uint8Array {
  if (this.needFullEncode || this.encoder.root.changes.next !== undefined) {
    this.sharedOffsetCache = { offset: 1 };
    const shared = this.encoder.encodeAll(this.sharedOffsetCache, this.fullEncodeBuffer);
    this.fullEncodeBuffer = adoptFullEncodeBuffer(this.fullEncodeBuffer, shared);
    this.fullEncodeCache = this.fullEncodeBuffer.subarray(0, shared.byteLength);
    this.needFullEncode = false;
  }
  // Timed frames (rooms with an input controller; Élan has none): upstream builds them. Its
  // buffer is adopted now, so its own re-encode (if changes are pending) is correct too.
  if (timing !== undefined && original) return original.call(this, client, timing);
  if (this.hasFilters && client?.view) {
    return this.encoder.encodeAllView(
      client.view,
      this.sharedOffsetCache.offset,
      { ...this.sharedOffsetCache },
      this.fullEncodeBuffer,
    );
  }
  return this.fullEncodeCache;
}
(fullState as unknown as Record<symbol, boolean>)[PATCHED] = true;

function unexpected(what: string): Error {
  return new Error(
    `server/rooms/fullState.ts: @colyseus/core's SchemaSerializer changed (${what}). ` +
      "Re-check the full-state buffer bug against the new getFullState before starting, " +
      "then update or remove this patch.",
  );
}

/** Replaces `SchemaSerializer.prototype.getFullState`, once; throws if upstream changed shape. */
export function installFullStatePatch(): void {
  const proto = SchemaSerializer.prototype as unknown as { getFullState?: GetFullState };
  const current = proto.getFullState;
  if (typeof current !== "function") throw unexpected("no getFullState method");
  if ((current as unknown as Record<symbol, boolean>)[PATCHED]) return;
  const source = Function.prototype.toString.call(current);
  const missing = EXPECTED_SOURCE.filter((fragment) => !source.includes(fragment));
  if (missing.length > 0) throw unexpected(`getFullState lacks ${missing.join(", ")}`);
  if (/this\.fullEncodeBuffer\s*=[^=]/.test(source)) {
    throw unexpected("getFullState now reassigns fullEncodeBuffer: upstream may have fixed it");
  }
  const probe = new SchemaSerializer() as unknown as Partial<SerializerInternals>;
  if (!(probe.fullEncodeBuffer instanceof Uint8Array) || probe.needFullEncode !== true) {
    throw unexpected("instances no longer get fullEncodeBuffer / needFullEncode");
  }
  const encoder = Encoder.prototype as Partial<Encoder>;
  if (typeof encoder.encodeAll !== "function" || typeof encoder.encodeAllView !== "function") {
    throw unexpected("Encoder has no encodeAll / encodeAllView");
  }
  original = current;
  proto.getFullState = fullState;
}
