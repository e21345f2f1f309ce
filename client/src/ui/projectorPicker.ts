/**
 * The console's remote for the projector during the debrief: which screen the room sees
 * (`debrief.show`), for every team or one. One tap sends it; the pressed button says what is
 * on the projector now, as the server has it.
 */
import {
  DEBRIEF_SCREENS,
  ROOM_ONLY_SCREENS,
  type DebriefScreen,
} from "../../../shared/protocol/screens";
import { t } from "../i18n/index";
import type { ClientView } from "../net/normalize";
import { button, h, select } from "./dom";
import type { Send } from "./teamCard";

export function projectorPicker(
  view: ClientView,
  team: string,
  onTeam: (team: string) => void,
  send: Send,
): HTMLElement {
  const show = (screen: DebriefScreen, forTeam: string) => {
    const one = forTeam !== "" && !ROOM_ONLY_SCREENS.includes(screen);
    void send("debrief.show", one ? { view: screen, team: forTeam } : { view: screen });
  };
  const teams = Object.values(view.teams);
  const current = view.show;
  const status = current
    ? t("show.current", {
        view: `${t(`show.${current}`)}${view.showTeam ? ` · ${view.teams[view.showTeam]?.name ?? ""}` : ""}`,
      })
    : t("show.none");
  return h(
    "section",
    { class: "card overview-card show-picker", "data-testid": "projector-picker" },
    h("span", { class: "eyebrow" }, t("show.label")),
    h(
      "label",
      { class: "show-team" },
      t("show.team"),
      " ",
      select(
        [
          { value: "", label: t("show.allTeams") },
          ...teams.map((x) => ({ value: x.id, label: x.name })),
        ],
        team,
        (value) => {
          onTeam(value);
          // The screen up now follows the new team, when it can be about one.
          if (current && !ROOM_ONLY_SCREENS.includes(current)) show(current, value);
        },
        { "data-testid": "show-team" },
      ),
    ),
    h(
      "div",
      { class: "show-screens", role: "group", "aria-label": t("show.label") },
      ...DEBRIEF_SCREENS.map((screen) =>
        button(t(`show.${screen}`), () => show(screen, team), {
          class: current === screen ? "btn small primary" : "btn small",
          "aria-pressed": String(current === screen),
          "data-testid": `show-${screen}`,
        }),
      ),
    ),
    h("p", { class: "muted small", "data-testid": "show-status" }, status),
  );
}
