/** "My games" on the home screen: each unfinished solo game of this browser, to resume or forget. */
import { t, type MessageKey } from "../i18n/index";
import type { SoloGameItem } from "../viewmodels/soloGames";
import { button, h } from "./dom";

export interface SoloGamesHandlers {
  /** Answers a refusal to show under the list, or null once the game is back on screen. */
  resume(roomId: string): Promise<MessageKey | null>;
  forget(roomId: string): void;
}

export function soloGamesCard(
  items: readonly SoloGameItem[],
  on: SoloGamesHandlers,
): HTMLElement | null {
  if (items.length === 0) return null;
  const out = h("p", { class: "form-error", "aria-live": "polite", "data-testid": "games-error" });
  const card = h(
    "section",
    { class: "card games-card", "data-testid": "solo-games" },
    h("h2", {}, t("home.games.title")),
    h("p", { class: "muted small" }, t("home.games.lead")),
  );
  const rows = items.map((item) => {
    const resume = button(t("home.games.resume"), () => void run(), {
      class: "btn primary small",
      "data-testid": `solo-resume-${item.roomId}`,
    });
    const forget = button(t("home.games.forget"), () => on.forget(item.roomId), {
      class: "btn ghost small",
      "data-testid": `solo-forget-${item.roomId}`,
    });
    const run = async () => {
      card.querySelectorAll("button").forEach((b) => (b.disabled = true));
      out.textContent = "";
      const error = await on.resume(item.roomId);
      card.querySelectorAll("button").forEach((b) => (b.disabled = false));
      if (error) out.textContent = t(error);
    };
    return h(
      "li",
      { class: "game-row", "data-testid": `solo-game-${item.roomId}` },
      h(
        "div",
        { class: "game-text" },
        h("strong", {}, item.title),
        h("span", { class: "muted small" }, `${item.progress} · ${item.started}`),
      ),
      h("div", { class: "game-actions" }, resume, forget),
    );
  });
  card.append(h("ul", { class: "games" }, ...rows), out);
  return card;
}
