/**
 * One team in the facilitator console: rename, bot, players (move), and the live state of its
 * quarter (submitted or not, the draft as a bar) or its last results.
 */
import { BUCKET_IDS, type Allocation } from "../../../shared/model/levers";
import { STRATEGY_IDS, type StrategyId } from "../../../shared/bots/strategies";
import type { ClientMessage, Language } from "../../../shared/protocol/messages";
import type { ActionMessageType } from "../../../shared/protocol/serverMessages";
import type { Phase, TeamView } from "../../../shared/protocol/view";
import { t, tp } from "../i18n/index";
import { BUCKET_COLORS, css, teamColor } from "../theme";
import type { LobbyTeam } from "../viewmodels/facilitator";
import { displayGauge, GAUGE_IDS } from "../viewmodels/gauges";
import { formatMetric } from "../viewmodels/metrics";
import { h, select } from "./dom";

/** Sends an intent; resolves to whether the server accepted it (refusals are toasted). */
export type Send = <T extends ActionMessageType>(
  type: T,
  payload: ClientMessage<T>,
) => Promise<boolean>;

export function allocationBar(allocation: Allocation, budget: number): HTMLElement {
  const bar = h("div", { class: "alloc-bar", role: "img" });
  const label: string[] = [];
  for (const id of BUCKET_IDS) {
    if (allocation[id] <= 0) continue;
    label.push(`${t(`lever.${id}.short`)} ${allocation[id]}`);
    bar.append(
      h("span", {
        style: `flex:${allocation[id]};background:${css(BUCKET_COLORS[id])}`,
        title: `${t(`lever.${id}.name`)}: ${allocation[id]}`,
      }),
    );
  }
  const used = BUCKET_IDS.reduce((n, id) => n + allocation[id], 0);
  if (used < budget) bar.append(h("span", { class: "unspent", style: `flex:${budget - used}` }));
  bar.setAttribute("aria-label", label.join(", "));
  return bar;
}

export function teamCard(
  team: LobbyTeam,
  view: TeamView,
  teams: readonly LobbyTeam[],
  phase: Phase,
  language: Language,
  send: Send,
): HTMLElement {
  const name = h("input", {
    value: team.name,
    maxlength: 24,
    "aria-label": t("fac.rename"),
    title: t("fac.renameHint"),
    class: "team-name",
    "data-testid": `rename-${team.id}`,
  });
  // Looks like what it is: a field to type in, with a pencil that focuses it.
  const pencil = h("label", { class: "rename-pencil", title: t("fac.renameHint") }, "✎");
  name.id = `rename-${team.id}`;
  pencil.setAttribute("for", name.id);
  pencil.setAttribute("aria-hidden", "true");
  const nameField = h("span", { class: "team-name-field" }, name, pencil);
  const commit = () => {
    const value = name.value.trim();
    if (value && value !== team.name) void send("team.rename", { teamId: team.id, name: value });
  };
  name.addEventListener("change", commit);
  name.addEventListener("keydown", (e) => {
    if (e.key === "Enter") name.blur();
  });
  const bot = select<string>(
    [
      { value: "", label: t("fac.botNone") },
      ...STRATEGY_IDS.map((id) => ({
        value: id,
        label: `${t("fac.bot")} · ${t(`strategy.${id}`)}`,
      })),
    ],
    team.bot,
    (value) =>
      void send("team.bot", {
        teamId: team.id,
        strategy: value === "" ? null : (value as StrategyId),
      }),
    { class: "small-select", disabled: team.players.length > 0, "data-testid": `bot-${team.id}` },
  );
  const players = h(
    "ul",
    { class: "players" },
    ...team.players.map((p) =>
      h(
        "li",
        {},
        h("span", {
          class: p.connected ? "presence on" : "presence",
          title: p.connected ? t("net.connected") : "",
        }),
        h("span", { class: "player-name" }, p.name),
        p.connected ? null : h("small", { class: "offline" }, t("fac.offline")),
        select<string>(
          [
            { value: "", label: t("fac.moveTo") },
            ...teams.filter((x) => x.id !== team.id).map((x) => ({ value: x.id, label: x.name })),
          ],
          "",
          (teamId) => {
            if (teamId) void send("player.move", { playerId: p.id, teamId });
          },
          { class: "small-select move", "aria-label": `${t("fac.moveTo")} ${p.name}` },
        ),
      ),
    ),
  );
  const status =
    phase === "decision"
      ? h(
          "span",
          { class: team.submitted ? "badge ok" : "badge", "data-testid": `status-${team.id}` },
          team.submitted ? `✓ ${t("fac.submitted")}` : t("fac.pending"),
        )
      : h(
          "span",
          { class: "badge" },
          tp("fac.players", team.players.length, { n: team.players.length }),
        );
  const last = view.history[view.history.length - 1];
  const live =
    phase === "decision" && team.draft
      ? h(
          "div",
          { class: "live" },
          h(
            "span",
            { class: "caption" },
            `${t("fac.draft")} · ${team.draftTokens} / ${view.budget}`,
          ),
          allocationBar(team.draft, view.budget),
        )
      : last
        ? h(
            "div",
            { class: "stats" },
            ...GAUGE_IDS.map((id) =>
              h(
                "span",
                {},
                h("small", {}, t(`gauge.${id}`)),
                h("b", {}, displayGauge(language, id, last[id])),
              ),
            ),
            h(
              "span",
              {},
              h("small", {}, t("gauge.score")),
              h("b", {}, formatMetric(language, "score", last.score)),
            ),
          )
        : null;
  return h(
    "article",
    {
      class: "team-card",
      style: `--team:${css(teamColor(team.colorIndex))}`,
      "data-testid": `team-${team.id}`,
    },
    h("header", {}, h("span", { class: "dot" }), nameField, status),
    players,
    team.players.length === 0 ? bot : null,
    live,
  );
}
