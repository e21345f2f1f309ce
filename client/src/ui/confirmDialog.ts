/**
 * A modal question with two answers, as a real `<dialog>`: focus moves into it (on the action
 * that goes ahead, so Enter confirms and Escape cancels, as keyboard users expect), the page
 * behind is inert, and screen readers announce its title and text. Used where a click would
 * lose something: submitting with unspent tokens, leaving a solo game, ending a workshop.
 */
import { button, h } from "./dom";

export interface ConfirmText {
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  /** A destructive action gets the danger style. */
  danger?: boolean;
  testId?: string;
  /** Closes the question unanswered (false) when the moment has passed (e.g. the phase moved on). */
  signal?: AbortSignal;
}

/** Resolves true when confirmed; false on cancel, Escape or a click outside. */
export function confirmDialog(copy: ConfirmText): Promise<boolean> {
  return new Promise((resolve) => {
    const title = h("h2", { id: "confirm-title" }, copy.title);
    const text = h("p", { id: "confirm-text", class: "muted" }, copy.text);
    const dialog = h("dialog", {
      class: "confirm-dialog",
      "data-testid": copy.testId ?? "confirm-dialog",
    });
    dialog.setAttribute("aria-labelledby", "confirm-title");
    dialog.setAttribute("aria-describedby", "confirm-text");
    let answer = false;
    const close = (value: boolean) => {
      answer = value;
      dialog.close();
    };
    const ok = button(copy.confirm, () => close(true), {
      class: copy.danger ? "btn danger" : "btn primary",
      "data-testid": "confirm-yes",
    });
    const no = button(copy.cancel, () => close(false), {
      class: "btn ghost",
      "data-testid": "confirm-no",
    });
    dialog.append(title, text, h("div", { class: "confirm-actions" }, no, ok));
    // A click on the backdrop (the dialog box itself, outside its content) cancels.
    dialog.addEventListener("click", (e) => {
      if (e.target === dialog) close(false);
    });
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(answer);
    });
    copy.signal?.addEventListener("abort", () => {
      if (dialog.open) close(false);
    });
    document.body.append(dialog);
    dialog.showModal();
    ok.focus();
  });
}
