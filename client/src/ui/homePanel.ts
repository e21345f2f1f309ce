/** The home screen: the pitch, this browser's solo games, and the join / host / solo forms. */
import { t, type MessageKey } from "../i18n/index";
import type { SoloGameItem } from "../viewmodels/soloGames";
import { button, h } from "./dom";
import { hostForm, joinForm, soloForm, type HomeHandlers } from "./homeForms";
import { soloGamesCard, type SoloGamesHandlers } from "./soloGamesCard";

export type { HomeHandlers, HostChoice, SoloChoice } from "./homeForms";
export type HomeTab = "join" | "host" | "solo";

export function homePanel(
  tab: HomeTab,
  prefillCode: string,
  handlers: HomeHandlers,
  onTab: (tab: HomeTab) => void,
  games: { items: readonly SoloGameItem[]; on: SoloGamesHandlers },
): HTMLElement {
  const tabs: HomeTab[] = ["join", "host", "solo"];
  const labels: Record<HomeTab, MessageKey> = {
    join: "home.tab.join",
    host: "home.tab.host",
    solo: "home.tab.solo",
  };
  const body =
    tab === "join"
      ? joinForm(prefillCode, handlers)
      : tab === "host"
        ? hostForm(handlers)
        : soloForm(handlers);
  return h(
    "div",
    { class: "home" },
    h(
      "section",
      { class: "hero" },
      h("h1", {}, t("app.title")),
      h("p", { class: "tagline" }, t("app.tagline")),
      h("p", { class: "pitch" }, t("app.pitch")),
      soloGamesCard(games.items, games.on),
    ),
    h(
      "section",
      { class: "card home-card" },
      h(
        "div",
        { class: "tabs", role: "tablist" },
        ...tabs.map((id) =>
          button(t(labels[id]), () => onTab(id), {
            class: id === tab ? "tab active" : "tab",
            role: "tab",
            "aria-selected": String(id === tab),
            "data-testid": `tab-${id}`,
          }),
        ),
      ),
      body,
    ),
  );
}
