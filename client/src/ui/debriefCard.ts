/**
 * The console's debrief card: predict, then reveal. How many teams have answered "which lever
 * mattered most for us?", each team's answer (the facilitator receives them before anyone
 * else), and the button that freezes them and shows them to the room.
 */
import { t, tp } from "../i18n/index";
import type { ClientView } from "../net/normalize";
import { answerCount, answerOf, askedTeams } from "../viewmodels/credit";
import { button, h } from "./dom";
import type { Send } from "./teamCard";

export function debriefCard(view: ClientView, send: Send): HTMLElement {
  const count = answerCount(view);
  return h(
    "section",
    { class: "card overview-card", "data-testid": "console-predictions" },
    h("span", { class: "eyebrow" }, t("fac.predictTitle")),
    h(
      "div",
      { class: "subs", "data-testid": "console-answered" },
      tp("predict.answered", count.answered, { n: count.answered, total: count.total }),
    ),
    h(
      "ul",
      { class: "answers" },
      ...askedTeams(view).map((team) => {
        const answer = answerOf(team);
        return h(
          "li",
          {},
          h("strong", {}, team.name),
          " ",
          answer ? t(`lever.${answer}.name`) : "—",
        );
      }),
    ),
    view.revealed
      ? h("p", { class: "muted small" }, t("fac.revealed"))
      : button(t("predict.reveal"), () => void send("debrief.reveal", {}), {
          class: "btn primary",
          "data-testid": "console-reveal",
        }),
  );
}
