/**
 * "Loading the screen…": shown while a screen's chunk is fetched (app.ts `show`), only once the
 * fetch has taken long enough to be noticed, so a fast load does not flash it. Announced to
 * screen readers (a polite status).
 */
import { h } from "./dom";

/** Below this a load feels instant: no notice. */
const DELAY_MS = 250;

export class LoadingNotice {
  readonly root = h("div", {
    class: "loading-notice",
    role: "status",
    "aria-live": "polite",
    "data-testid": "loading-notice",
  });
  private timer: number | undefined;

  show(text: string): void {
    if (this.timer !== undefined || this.root.isConnected) return;
    this.timer = window.setTimeout(() => {
      this.timer = undefined;
      this.root.textContent = text;
      document.body.append(this.root);
    }, DELAY_MS);
  }

  hide(): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.root.remove();
  }
}
