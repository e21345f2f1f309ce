/** Short messages at the bottom of the screen (errors, confirmations), read out by screen readers. */
import { h } from "./dom";

export type ToastKind = "info" | "error" | "success";

export class Toasts {
  readonly root = h("div", { class: "toasts", "aria-live": "polite", role: "status" });

  show(text: string, kind: ToastKind = "info", ms = 4200): void {
    const toast = h("div", { class: `toast toast-${kind}` }, text);
    this.root.appendChild(toast);
    // Keep at most three on screen: a flood of refusals should not bury the board.
    while (this.root.children.length > 3) this.root.firstElementChild?.remove();
    window.setTimeout(() => toast.classList.add("toast-out"), ms);
    window.setTimeout(() => toast.remove(), ms + 400);
  }
}
