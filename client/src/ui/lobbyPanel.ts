/** The participant's lobby: who is in which team, switching team, and what the game is about. */
import type { ClientView } from "../net/normalize";
import { t } from "../i18n/index";
import { lobbyTeams } from "../viewmodels/facilitator";
import { css, teamColor } from "../theme";
import { button, h } from "./dom";

export function lobbyPanel(
  view: ClientView,
  me: { name: string; teamId: string | null; playerId: string },
  budget: number,
  onJoin: (teamId: string) => void,
): HTMLElement {
  const teams = lobbyTeams(view);
  const mine = teams.find((team) => team.id === me.teamId);
  return h(
    "div",
    { class: "lobby" },
    h(
      "section",
      { class: "card lobby-card" },
      h("h2", { "data-testid": "lobby-title" }, t("lobby.title", { name: me.name })),
      h("p", { class: "lead" }, t("lobby.waiting")),
      mine
        ? h(
            "div",
            { class: "my-team", style: `--team:${css(teamColor(mine.colorIndex))}` },
            h("span", { class: "label" }, t("lobby.yourTeam")),
            h("strong", { "data-testid": "my-team" }, mine.name),
          )
        : null,
      h("p", { class: "rules" }, t("lobby.rules", { budget })),
      h("h3", {}, t("lobby.chooseTeam")),
      h(
        "ul",
        { class: "team-list" },
        ...teams.map((team) =>
          h(
            "li",
            { class: team.id === me.teamId ? "team-row mine" : "team-row" },
            h("span", { class: "dot", style: `background:${css(teamColor(team.colorIndex))}` }),
            h(
              "div",
              { class: "team-text" },
              h("strong", {}, team.name),
              h(
                "span",
                { class: "members" },
                team.players.length > 0
                  ? team.players.map((p) => p.name).join(", ")
                  : team.bot
                    ? t("lobby.bot")
                    : t("lobby.empty"),
              ),
            ),
            team.id === me.teamId
              ? null
              : button(t("lobby.joinTeam"), () => onJoin(team.id), {
                  class: "btn small",
                  "data-testid": `join-team-${team.id}`,
                }),
          ),
        ),
      ),
    ),
  );
}
