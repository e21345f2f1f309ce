/**
 * The board's controls as real buttons, laid exactly over the ones the canvas draws: a screen
 * reader or a keyboard cannot reach a canvas. Each button runs the very handler the canvas control
 * runs (`ControlSpot.run`), so there is one way to send an intent. The canvas stays the picture;
 * these buttons are transparent until focused, when the focus ring shows where they are.
 *
 * Buttons are kept across redraws (by key) so that pressing "+" leaves the focus on "+". A control
 * that cannot act is `aria-disabled` rather than `disabled`, which would drop the focus.
 */
import type { ControlSpot } from "../viewmodels/controls";
import type { Rect } from "../viewmodels/chart";
import { TOP_BAR } from "../viewmodels/layout";
import { h } from "./dom";

function place(el: HTMLElement, r: Rect, origin: { x: number; y: number }): void {
  el.style.left = `${Math.round(r.x - origin.x)}px`;
  el.style.top = `${Math.round(r.y - origin.y)}px`;
  el.style.width = `${Math.round(r.w)}px`;
  el.style.height = `${Math.round(r.h)}px`;
}

/**
 * Makes `parent`'s children exactly `children`, moving only what is out of place: a node taken
 * out of the page loses the focus, even when it is put back at once (a phone's tab bar appearing
 * after a resize must not take the focus off a lever's button).
 */
function sync(parent: HTMLElement | undefined, children: readonly HTMLElement[]): void {
  if (!parent) return;
  children.forEach((child, i) => {
    const at = parent.children[i] ?? null;
    if (at !== child) parent.insertBefore(child, at);
  });
  while (parent.children.length > children.length) parent.lastElementChild?.remove();
}

export class DecisionControls {
  readonly el = h("div", { class: "board-controls" });
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private readonly groups = new Map<string, HTMLElement>();
  private spots = new Map<string, ControlSpot>();

  /**
   * `intercept` sees every press first and may take it for itself: while the reveal plays, a
   * press skips it (as a tap on the canvas does) and presses nothing underneath.
   */
  constructor(private readonly intercept: () => boolean = () => false) {
    // Phaser also handles presses anywhere on the page (its window listeners hit-test them
    // against the canvas), so a press on a button here would press the canvas control under it
    // too and send the intent twice. Presses on these buttons stay here.
    for (const type of ["mousedown", "mouseup", "touchstart", "touchend"] as const)
      this.el.addEventListener(type, (event) => event.stopPropagation());
    // A mouse click leaves the focus where it was, as the canvas did: `Enter` after clicking
    // "+" still does what the big button says. The keyboard focuses these buttons with Tab.
    this.el.addEventListener("mousedown", (event) => event.preventDefault());
  }

  /** Mirrors the controls the canvas has just drawn (canvas coordinates). */
  update(spots: readonly ControlSpot[]): void {
    this.spots = new Map(spots.map((s) => [s.key, s]));
    // The DOM layer starts under the top bar; the canvas starts at the top of the window.
    const screen = { x: 0, y: TOP_BAR };
    const top: HTMLElement[] = [];
    const members = new Map<string, HTMLElement[]>();
    for (const spot of spots) {
      const button = this.button(spot.key);
      button.setAttribute("aria-label", spot.label);
      if (spot.enabled) button.removeAttribute("aria-disabled");
      else button.setAttribute("aria-disabled", "true");
      if (spot.current === undefined) button.removeAttribute("aria-pressed");
      else button.setAttribute("aria-pressed", String(spot.current));
      const g = spot.group;
      if (!g) {
        place(button, spot.rect, screen);
        top.push(button);
        continue;
      }
      let group = this.groups.get(g.key);
      if (!group) {
        group = h("div", { role: "group", class: "board-group" });
        this.groups.set(g.key, group);
      }
      group.setAttribute("aria-label", g.label);
      place(group, g.rect, screen);
      place(button, spot.rect, g.rect);
      const list = members.get(g.key);
      if (list) list.push(button);
      else {
        members.set(g.key, [button]);
        top.push(group);
      }
    }
    for (const [key, list] of members) sync(this.groups.get(key), list);
    sync(this.el, top);
  }

  private button(key: string): HTMLButtonElement {
    const existing = this.buttons.get(key);
    if (existing) return existing;
    const b = h("button", { type: "button", class: "board-hit" });
    b.addEventListener("click", () => {
      if (this.intercept()) return;
      const spot = this.spots.get(key);
      if (spot?.enabled) spot.run();
    });
    b.addEventListener("focus", () => this.spots.get(key)?.focus?.());
    this.buttons.set(key, b);
    return b;
  }
}
