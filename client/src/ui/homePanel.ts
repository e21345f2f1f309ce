/** The home screen: the pitch, this browser's solo games, and the join / host / solo forms. */
import { t, type MessageKey } from "../i18n/index";
import type { SoloGameItem } from "../viewmodels/soloGames";
import { button, h } from "./dom";
import { hostForm, joinForm, soloForm, type HomeHandlers } from "./homeForms";
import { soloGamesCard, type SoloGamesHandlers } from "./soloGamesCard";

export type { HomeHandlers, HostChoice, SoloChoice } from "./homeForms";
export type HomeTab = "join" | "host" | "solo";

/** A real link (it opens in a new tab too), followed in place without reloading the app. */
function workshopsLink(open: () => void): HTMLElement {
  const link = h(
    "a",
    { href: "/?workshops", class: "btn ghost small", "data-testid": "open-workshops" },
    t("home.workshops"),
  );
  link.addEventListener("click", (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    open();
  });
  return link;
}

export function homePanel(
  tab: HomeTab,
  prefillCode: string,
  handlers: HomeHandlers,
  onTab: (tab: HomeTab) => void,
  games: { items: readonly SoloGameItem[]; on: SoloGamesHandlers },
  openWorkshops: () => void,
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
      h("div", { class: "workshops-link" }, workshopsLink(openWorkshops)),
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
