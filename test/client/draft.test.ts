/**
 * The board's draft: the server's one draft with this player's pending operations re-applied,
 * reconciled by the revisions Acks return. A fake server below applies operations in arrival
 * order, clamped as the real one does, and hands patches and Acks back in whatever order a test
 * (or fast-check) chooses.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BUCKET_IDS,
  allocationTotal,
  emptyAllocation,
  type Allocation,
  type BucketId,
} from "../../shared/index";
import {
  DraftEdits,
  adjustDraft,
  nextBucket,
  sameAllocation,
  type ServerDraft,
} from "../../client/src/viewmodels/draft";

const BUDGET = 10;

/** The room: one draft, a revision per accepted edit. */
class FakeServer {
  draft = emptyAllocation();
  rev = 0;
  apply(bucket: BucketId, delta: number): number {
    this.draft = adjustDraft(this.draft, bucket, delta, BUDGET);
    return ++this.rev;
  }
  snapshot(): ServerDraft {
    return { draft: { ...this.draft }, rev: this.rev };
  }
}

/** One player's board: what it last received, its pending edits, what it shows. */
class Board {
  received: ServerDraft = { draft: emptyAllocation(), rev: 0 };
  readonly edits = new DraftEdits();
  click(bucket: BucketId, delta = 1): number {
    return this.edits.add(bucket, delta, this.received);
  }
  patch(snapshot: ServerDraft): void {
    this.received = snapshot;
    this.edits.settle(snapshot);
  }
  ack(id: number, rev: number): void {
    this.edits.ack(id, rev, this.received);
  }
  refuse(id: number): void {
    this.edits.refuse(id, this.received);
  }
  get shown(): Allocation {
    return this.edits.shown(this.received, BUDGET);
  }
}

const alloc = (over: Partial<Allocation>): Allocation => ({ ...emptyAllocation(), ...over });

describe("draft editing", () => {
  it("never goes below zero nor above the budget", () => {
    let draft = emptyAllocation();
    draft = adjustDraft(draft, "culture", -1, 10);
    expect(draft.culture).toBe(0);
    for (let i = 0; i < 12; i++) draft = adjustDraft(draft, "culture", 1, 10);
    expect(draft.culture).toBe(10);
    const same = adjustDraft(draft, "support", 1, 10);
    expect(same).toBe(draft);
    expect(adjustDraft(draft, "culture", -3, 10).culture).toBe(7);
    expect(sameAllocation(draft, { ...draft })).toBe(true);
  });

  it("loses none of three quick clicks when Acks are slow and a teammate edits in between", () => {
    const server = new FakeServer();
    const me = new Board();
    const ids = [me.click("culture"), me.click("culture"), me.click("support")];
    expect(me.shown).toEqual(alloc({ culture: 2, support: 1 }));
    // A teammate's edit lands first, then my first click; the patch comes before any Ack.
    server.apply("strategy", 2);
    const rev1 = server.apply("culture", 1);
    me.patch(server.snapshot());
    expect(me.shown).toEqual(alloc({ culture: 2, support: 1 }));
    me.ack(ids[0]!, rev1);
    // My other clicks are applied, the teammate takes one token back; Acks arrive, then the patch.
    const rev2 = server.apply("culture", 1);
    const rev3 = server.apply("support", 1);
    server.apply("strategy", -1);
    me.ack(ids[1]!, rev2);
    me.ack(ids[2]!, rev3);
    expect(me.shown.culture).toBe(2);
    expect(me.shown.support).toBe(1);
    me.patch(server.snapshot());
    expect(me.shown).toEqual(alloc({ culture: 2, support: 1, strategy: 1 }));
    expect(me.edits.pending).toEqual([]);
  });

  it("counts an edit once whether its Ack comes before or after the patch that includes it", () => {
    const ackFirst = new Board();
    const server = new FakeServer();
    const a = ackFirst.click("governance");
    const rev = server.apply("governance", 1);
    ackFirst.ack(a, rev);
    expect(ackFirst.shown.governance).toBe(1);
    ackFirst.patch(server.snapshot());
    expect(ackFirst.shown.governance).toBe(1);
    expect(ackFirst.edits.pending).toEqual([]);

    const patchFirst = new Board();
    const server2 = new FakeServer();
    const b = patchFirst.click("governance");
    const rev2 = server2.apply("governance", 1);
    patchFirst.patch(server2.snapshot());
    expect(patchFirst.shown.governance).toBe(1);
    patchFirst.ack(b, rev2);
    expect(patchFirst.shown.governance).toBe(1);
    expect(patchFirst.edits.pending).toEqual([]);
  });

  it("rolls a refused edit back and keeps the others", () => {
    const server = new FakeServer();
    const me = new Board();
    const a = me.click("culture");
    const b = me.click("support");
    expect(me.shown).toEqual(alloc({ culture: 1, support: 1 }));
    me.refuse(a);
    expect(me.shown).toEqual(alloc({ support: 1 }));
    me.ack(b, server.apply("support", 1));
    me.patch(server.snapshot());
    expect(me.shown).toEqual(alloc({ support: 1 }));
    expect(me.edits.pending).toEqual([]);
  });

  it("clamps pending edits on top of the server's draft to the budget, as the server will", () => {
    const server = new FakeServer();
    server.apply("culture", 9);
    const me = new Board();
    me.patch(server.snapshot());
    const a = me.click("campaigns");
    const b = me.click("campaigns");
    expect(allocationTotal(me.shown)).toBe(BUDGET);
    me.ack(a, server.apply("campaigns", 1));
    me.ack(b, server.apply("campaigns", 1));
    me.patch(server.snapshot());
    expect(me.shown).toEqual(alloc({ culture: 9, campaigns: 1 }));
  });

  it("forgets everything pending in a new room", () => {
    const me = new Board();
    me.click("culture");
    me.edits.clear();
    expect(me.shown).toEqual(emptyAllocation());
  });

  it("shows every click of mine at once and exactly once, in any delivery order", () => {
    // Each step: I click, the server applies my oldest unapplied click, a patch is delivered,
    // a patch is delivered (or only the latest, the server having coalesced them), or an Ack is
    // delivered (patches and Acks each in order, as on one socket).
    const step = fc.constantFrom("click", "apply", "patch", "latest", "ack");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(step, fc.constantFrom(...BUCKET_IDS), fc.boolean()), {
          maxLength: 40,
        }),
        (steps) => {
          const server = new FakeServer();
          const me = new Board();
          let intended = emptyAllocation();
          const sent: { id: number; bucket: BucketId; delta: number }[] = [];
          const acks: { id: number; rev: number }[] = [];
          const patches: ServerDraft[] = [];
          const check = () => expect(me.shown).toEqual(intended);
          for (const [kind, bucket, minus] of steps) {
            if (kind === "click") {
              const delta = minus ? -1 : 1;
              const next = adjustDraft(intended, bucket, delta, BUDGET);
              if (next === intended) continue;
              intended = next;
              sent.push({ id: me.click(bucket, delta), bucket, delta });
            } else if (kind === "apply" && sent.length > 0) {
              const op = sent.shift()!;
              acks.push({ id: op.id, rev: server.apply(op.bucket, op.delta) });
              patches.push(server.snapshot());
            } else if (kind === "patch" && patches.length > 0) {
              me.patch(patches.shift()!);
            } else if (kind === "latest" && patches.length > 0) {
              me.patch(patches[patches.length - 1]!);
              patches.length = 0;
            } else if (kind === "ack" && acks.length > 0) {
              const a = acks.shift()!;
              me.ack(a.id, a.rev);
            }
            check();
          }
          // Everything delivered: the board and the server agree, nothing stays pending.
          for (const op of sent) {
            acks.push({ id: op.id, rev: server.apply(op.bucket, op.delta) });
            patches.push(server.snapshot());
          }
          for (const a of acks) me.ack(a.id, a.rev);
          for (const p of patches) me.patch(p);
          check();
          expect(me.shown).toEqual(server.draft);
          expect(me.edits.pending).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("cycles the keyboard selection both ways", () => {
    expect(nextBucket("campaigns", 1)).toBe("longTerm");
    expect(nextBucket("longTerm", -1)).toBe("campaigns");
  });
});
