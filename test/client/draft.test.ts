import { describe, expect, it } from "vitest";
import { emptyAllocation } from "../../shared/index";
import {
  adjustDraft,
  nextBucket,
  reconcileDraft,
  sameAllocation,
  LOCAL_EDIT_GRACE_MS,
} from "../../client/src/viewmodels/draft";

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
  });

  it("keeps local edits during the grace period, then adopts a teammate's draft", () => {
    const local = { ...emptyAllocation(), culture: 3 };
    const remote = { ...emptyAllocation(), support: 2 };
    const sync = { local, editedAt: 1000, me: "p1" };
    expect(reconcileDraft(sync, remote, "p2", 1000 + LOCAL_EDIT_GRACE_MS - 1)).toBe(local);
    expect(reconcileDraft(sync, remote, "p2", 1000 + LOCAL_EDIT_GRACE_MS + 1)).toBe(remote);
    expect(reconcileDraft({ ...sync, editedAt: 0 }, remote, "p2", 5)).toBe(remote);
    expect(reconcileDraft(sync, undefined, "p2", 5)).toBe(local);
    expect(sameAllocation(local, { ...local })).toBe(true);
  });

  it("never lets a slow echo of my own draft undo newer keystrokes", () => {
    const local = { ...emptyAllocation(), campaigns: 6, longTerm: 2 };
    const staleEcho = { ...emptyAllocation(), campaigns: 4 };
    expect(reconcileDraft({ local, editedAt: 1000, me: "p1" }, staleEcho, "p1", 60_000)).toBe(
      local,
    );
    // After a reload (no local edit yet) my own saved draft comes back.
    expect(
      reconcileDraft({ local: emptyAllocation(), editedAt: 0, me: "p1" }, staleEcho, "p1", 5),
    ).toBe(staleEcho);
  });

  it("cycles the keyboard selection both ways", () => {
    expect(nextBucket("campaigns", 1)).toBe("longTerm");
    expect(nextBucket("longTerm", -1)).toBe("campaigns");
  });
});
