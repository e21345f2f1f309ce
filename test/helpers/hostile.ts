/**
 * fast-check arbitraries for hostile client messages: every message type of the protocol plus
 * unknown ones, with payloads that are valid, valid-looking (right shape, wrong moment), or
 * hostile — prototype keys as ids and keys, unknown ids, numbers that are huge, negative, NaN,
 * infinite, -0 or fractional, non-numbers, lone surrogates, bidi controls, 10 kB strings,
 * nested objects and arrays, extra and missing fields, null and undefined payloads.
 *
 * Player ids are only known once a room runs, so payloads hold `PlayerRef` placeholders that
 * `materialize` swaps for real ids (of the same room, or of another workshop) when sending.
 */
import fc from "fast-check";
import {
  BUCKET_IDS,
  CLIENT_MESSAGE_TYPES,
  DEBRIEF_SCREENS,
  EVENT_IDS,
  PACINGS,
  STRATEGY_IDS,
  type ClientMessageType,
} from "../../shared/index";

/** Keys that find something on a plain object's prototype chain. */
export const PROTO_KEYS = [
  "__proto__",
  "constructor",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "prototype",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__lookupSetter__",
] as const;

/** Message types the server does not know, including ones only the server itself may log. */
export const UNKNOWN_TYPES: readonly (string | number)[] = [
  ...PROTO_KEYS,
  "player.join",
  "player.leave",
  "timer.expire",
  "allocation.set ",
  "ALLOCATION.SET",
  "error",
  "seat",
  "*",
  "",
  "x".repeat(300),
  // Not "\uD800": the SDK writes a lone surrogate's length and bytes inconsistently, so the
  // server cannot even find the payload (it answers the request with a decoding error).
  0,
  42,
  -1,
];

/** A player id resolved when the message is sent: `own` = a player of the target room. */
export class PlayerRef {
  constructor(
    readonly room: "own" | "foreign",
    readonly index: number,
  ) {}
  toString(): string {
    return `PlayerRef(${this.room}, ${this.index})`;
  }
}

export interface Ids {
  own: readonly string[];
  foreign: readonly string[];
}

/** Replaces every `PlayerRef` in a payload by a real player id (or an unknown one). */
export function materialize(value: unknown, ids: Ids): unknown {
  if (value instanceof PlayerRef) {
    const list = value.room === "own" ? ids.own : ids.foreign;
    return list.length > 0 ? list[value.index % list.length] : "p0000000000";
  }
  if (Array.isArray(value)) return value.map((v) => materialize(v, ids));
  if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value)) {
    if (value instanceof Date) return value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      // defineProperty: a "__proto__" key stays an own key instead of replacing the prototype.
      Object.defineProperty(out, key, {
        value: materialize((value as Record<string, unknown>)[key], ids),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

/** `{...base, [key]: value}` that keeps "__proto__" an own key. */
function withKey(base: object, key: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

export const protoKey = fc.constantFrom(...PROTO_KEYS);

const TEN_KB = "x".repeat(10_000);
const FIVE_K_ACCENTS = "é".repeat(5_000);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: protoKey },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "t0",
      "t9",
      "T1",
      "t1 ",
      " t1",
      "t01",
      "t1\u0000",
      "@facilitator",
      "system",
      "\uD800",
      "\uDC00abc",
      "a\uD83D",
      "\u202Ekcatta",
      "\u2066t1\u2069",
      "\u200Bt1",
      "\uFEFF",
      "<img src=x onerror=alert(1)>",
      '=HYPERLINK("x")',
      "null",
      "undefined",
      "NaN",
      "-0",
      "1e309",
      "t1".repeat(30),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(TEN_KB, FIVE_K_ACCENTS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

export const weirdNumber: fc.Arbitrary<number> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      0,
      -0,
      1,
      -1,
      2,
      4,
      5,
      10,
      11,
      99,
      100,
      101,
      -100,
      -101,
      1800,
      1801,
      0.5,
      1.5,
      -0.5,
      1e-320,
      2147483648,
      4294967296,
      9007199254740992,
      9007199254740994,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      Number.MIN_VALUE,
      Number.EPSILON,
      NaN,
      Infinity,
      -Infinity,
    ),
  },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: 12 }) },
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: weirdNumber },
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 16 }) },
  // Beyond 2^53: the server cannot JSON-measure a BigInt.
  { weight: 1, arbitrary: fc.bigInt({ min: -(1n << 63n), max: (1n << 64n) - 1n }) },
);

const objectKey = fc.oneof(
  protoKey,
  fc.constantFrom(...BUCKET_IDS, "teamId", "playerId", "by", "at", "seq", "allocation", "name"),
  fc.string({ maxLength: 8 }),
);

/** Arrays nested `depth` deep around a value (a few hundred levels: the JSON stays < 2 kB). */
const deepArray = fc
  .integer({ min: 20, max: 600 })
  .map((depth) => {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  })
  .map((v) => v as unknown);

const deepObject = fc.integer({ min: 20, max: 300 }).map((depth) => {
  let v: unknown = { culture: 1 };
  for (let i = 0; i < depth; i++) v = { allocation: v };
  return v;
});

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{
  v: unknown;
  arr: unknown[];
  obj: Record<string, unknown>;
}>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", maxDepth: 3 },
    { weight: 6, arbitrary: leaf },
    { weight: 2, arbitrary: tie("arr") },
    { weight: 2, arbitrary: tie("obj") },
  ),
  arr: fc.array(tie("v"), { maxLength: 5 }),
  obj: fc
    .array(fc.tuple(objectKey, tie("v")), { maxLength: 5 })
    .map((entries) => entries.reduce<Record<string, unknown>>((o, [k, v]) => withKey(o, k, v), {})),
})).v;

const anyValue = fc.oneof(
  { weight: 8, arbitrary: hostileValue },
  { weight: 1, arbitrary: deepArray },
  { weight: 1, arbitrary: deepObject },
);

const playerRef = fc
  .tuple(fc.constantFrom<"own" | "foreign">("own", "own", "foreign"), fc.nat({ max: 5 }))
  .map(([room, index]) => new PlayerRef(room, index));

const realTeam = fc.constantFrom("t1", "t2", "t3", "t4", "you", "r1");

/** A team id: real, prototype key, hostile text, a player id, or not a string at all. */
export const teamId: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: realTeam },
  { weight: 4, arbitrary: protoKey },
  { weight: 3, arbitrary: hostileString },
  { weight: 1, arbitrary: playerRef },
  { weight: 1, arbitrary: leaf },
);

export const playerId: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: playerRef },
  { weight: 4, arbitrary: protoKey },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: realTeam },
  { weight: 1, arbitrary: leaf },
);

const bucketCount = fc.integer({ min: 0, max: 2 });

/** Sums to at most 14 of a budget of 10 (or less after a CFO's cut): mostly valid. */
export const validAllocation: fc.Arbitrary<Record<string, number>> = fc.record(
  Object.fromEntries(BUCKET_IDS.map((b) => [b, bucketCount])) as Record<
    string,
    fc.Arbitrary<number>
  >,
);

export const allocation: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: validAllocation },
  {
    weight: 3,
    arbitrary: fc
      .tuple(validAllocation, fc.constantFrom(...BUCKET_IDS), fc.oneof(weirdNumber, leaf))
      .map(([a, b, v]) => withKey(a, b, v)),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(validAllocation, fc.oneof(protoKey, hostileString), anyValue)
      .map(([a, k, v]) => withKey(a, k, v)),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(validAllocation, fc.constantFrom(...BUCKET_IDS)).map(([a, b]) => {
      const out: Record<string, unknown> = { ...a };
      delete out[b];
      return out;
    }),
  },
  { weight: 2, arbitrary: anyValue },
);

const bucket = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...BUCKET_IDS) },
  { weight: 3, arbitrary: protoKey },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: leaf },
);

const teamList = fc.oneof(
  fc.array(teamId, { maxLength: 4 }),
  fc.array(realTeam, { minLength: 9, maxLength: 12 }),
  anyValue,
);

/** Team names: valid, too long, empty, control, bidi, invisible, lone surrogates, 10 kB. */
const teamName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("Les Lynx", "Équipe 2", "Ωmega", "💡 Idées") },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 24 }) },
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(25), "x".repeat(200), "x".repeat(201)) },
  { weight: 1, arbitrary: leaf },
);

const empty = fc.constant({});

/** The payload of each message type: right shape, with hostile values inside. */
export const payloads: Record<ClientMessageType, fc.Arbitrary<unknown>> = {
  "team.join": fc.record({ teamId }),
  "allocation.set": fc.record({ allocation }),
  "allocation.adjust": fc.record({
    bucket,
    delta: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: -3, max: 3 }) },
      { weight: 3, arbitrary: weirdNumber },
      { weight: 1, arbitrary: leaf },
    ),
  }),
  "allocation.submit": fc.record({ allocation }),
  "game.start": empty,
  "phase.next": empty,
  "timer.pause": empty,
  "timer.resume": empty,
  "timer.extend": fc.record({
    seconds: fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(5, 60, 1800) },
      { weight: 3, arbitrary: weirdNumber },
      { weight: 1, arbitrary: leaf },
    ),
  }),
  "event.inject": fc.record(
    {
      eventId: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...EVENT_IDS) },
        { weight: 2, arbitrary: protoKey },
        { weight: 2, arbitrary: hostileString },
      ),
      teams: teamList,
    },
    { requiredKeys: ["eventId"] },
  ),
  "team.rename": fc.record({ teamId, name: teamName }),
  "player.move": fc.record({ playerId, teamId }),
  "team.bot": fc.record({
    teamId,
    strategy: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...STRATEGY_IDS, null) },
      { weight: 2, arbitrary: protoKey },
      { weight: 1, arbitrary: hostileString },
      { weight: 1, arbitrary: leaf },
    ),
  }),
  "pacing.set": fc.record({
    pacing: fc.oneof(fc.constantFrom(...PACINGS), protoKey, hostileString, leaf),
  }),
  "game.end": empty,
  clock: empty,
  "debrief.data": empty,
  "results.reasons": empty,
  "debrief.predict": fc.record({ lever: bucket }),
  "debrief.reveal": empty,
  "debrief.show": fc.record(
    {
      view: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...DEBRIEF_SCREENS) },
        { weight: 1, arbitrary: protoKey },
        { weight: 1, arbitrary: hostileString },
      ),
      team: teamId,
    },
    { requiredKeys: ["view"] },
  ),
};

/** The shape, broken: an extra field, a missing one, or no object at all. */
function mangled(payload: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: payload },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          payload,
          fc.oneof(protoKey, fc.constantFrom("teamId", "playerId", "by", "at", "x")),
          anyValue,
        )
        .map(([p, k, v]) => (p !== null && typeof p === "object" ? withKey(p, k, v) : p)),
    },
    {
      weight: 1,
      arbitrary: payload.map((p) => {
        if (p === null || typeof p !== "object") return p;
        const out: Record<string, unknown> = { ...p };
        delete out[Object.keys(out)[0] ?? ""];
        return out;
      }),
    },
    {
      weight: 2,
      arbitrary: fc.oneof(fc.constantFrom(null, undefined, [], "", "{}", 0, NaN), anyValue),
    },
  );
}

export type SendMode = "request" | "send" | "bytes";

export interface Command {
  /** Index into the run's actors. */
  actor: number;
  mode: SendMode;
  type: string | number;
  payload: unknown;
}

const mode = fc.oneof(
  { weight: 5, arbitrary: fc.constant<SendMode>("request") },
  { weight: 4, arbitrary: fc.constant<SendMode>("send") },
  { weight: 1, arbitrary: fc.constant<SendMode>("bytes") },
);

/** Never the valid payload: an extra field, or something that is not an object at all. */
function brokenOnly(payload: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc
      .tuple(payload, fc.oneof(protoKey, fc.constantFrom("teamId", "by", "at")), anyValue)
      .map(([p, k, v]) => withKey(p as object, k, v)),
    fc.constantFrom([], "", "{}", 0, NaN, true),
    fc.array(anyValue, { minLength: 1, maxLength: 3 }),
  );
}

/**
 * Any message from any actor: known types (hostile payloads) and unknown types. `broken` types
 * never get a valid payload (a valid `game.end` would end most runs early).
 */
export function hostileCommand(
  actors: number,
  broken: readonly ClientMessageType[] = [],
  /** Who would normally send this type: half the messages come from them. */
  senders: (type: string | number) => readonly number[] = () => [],
): fc.Arbitrary<Command> {
  const known = fc
    .constantFrom(...CLIENT_MESSAGE_TYPES)
    .chain((type) =>
      (broken.includes(type) ? brokenOnly(payloads[type]) : mangled(payloads[type])).map(
        (payload) => ({ type: type as string | number, payload }),
      ),
    );
  const unknown = fc.record({ type: fc.constantFrom(...UNKNOWN_TYPES), payload: anyValue });
  const bytes = fc.uint8Array({ maxLength: 24 });
  return fc
    .tuple(
      fc.oneof({ weight: 9, arbitrary: known }, { weight: 1, arbitrary: unknown }),
      fc.nat({ max: actors - 1 }),
      fc.nat(),
      fc.boolean(),
      mode,
      bytes,
    )
    .map(([{ type, payload }, anyone, pick, usual, m, raw]) => {
      const likely = senders(type);
      const actor = usual && likely.length > 0 ? (likely[pick % likely.length] as number) : anyone;
      return { actor, mode: m, type, payload: m === "bytes" ? raw : payload };
    });
}

/** An id that names nothing real: a prototype key, an unknown id, or a player of elsewhere. */
const noSuchId = fc.oneof(
  { weight: 4, arbitrary: protoKey },
  { weight: 1, arbitrary: fc.constantFrom("t0", "t9", "T1", "t1 ", "@facilitator", "p00000000") },
  { weight: 1, arbitrary: fc.constant(new PlayerRef("foreign", 0)) },
);

/**
 * Well-formed messages (they pass the schema) whose ids are prototype keys or unknown, from the
 * role that may send them, so they reach the session's rules: issue 7's messages and kin.
 */
export function protoIdCommand(roles: {
  facilitator: readonly number[];
  players: readonly number[];
}): fc.Arbitrary<Command> {
  const validName = fc.constantFrom("Pirates", "Les Lynx");
  const asFacilitator = fc.oneof(
    fc.record({
      type: fc.constant("team.rename"),
      payload: fc.record({ teamId: noSuchId, name: validName }),
    }),
    fc.record({
      type: fc.constant("player.move"),
      payload: fc.oneof(
        fc.record({ playerId: noSuchId, teamId: fc.constantFrom("t1", "t2") }),
        fc.record({ playerId: fc.constant(new PlayerRef("own", 0)), teamId: noSuchId }),
      ),
    }),
    fc.record({
      type: fc.constant("team.bot"),
      payload: fc.record({ teamId: noSuchId, strategy: fc.constantFrom(...STRATEGY_IDS, null) }),
    }),
    fc.record({
      type: fc.constant("event.inject"),
      payload: fc.record({
        eventId: fc.constantFrom(...EVENT_IDS),
        teams: fc.array(noSuchId, { minLength: 1, maxLength: 3 }),
      }),
    }),
  );
  const asPlayer = fc.oneof(
    fc.record({ type: fc.constant("team.join"), payload: fc.record({ teamId: noSuchId }) }),
    fc.record({
      type: fc.constantFrom("allocation.set", "allocation.submit"),
      payload: fc
        .tuple(validAllocation, protoKey, fc.oneof(fc.constant(1), leaf))
        .map(([a, k, v]) => ({ allocation: withKey(a, k, v) })),
    }),
    fc.record({
      type: fc.constant("allocation.adjust"),
      payload: fc.record({ bucket: protoKey, delta: fc.constantFrom(1, -1) }),
    }),
  );
  return fc
    .oneof(
      fc.tuple(fc.constantFrom(...roles.facilitator), asFacilitator),
      fc.tuple(fc.constantFrom(...roles.players), asPlayer),
    )
    .chain(([actor, { type, payload }]) =>
      fc
        .constantFrom<SendMode>("request", "send")
        .map((m) => ({ actor, mode: m, type: type as string, payload: payload as unknown })),
    );
}
