/**
 * The strip across the top of every screen: the brand, the room code, the connection state and
 * the language switch. It lives in the DOM, outside the scenes, so it never flickers on a
 * scene change.
 */
import type { Language } from "../../../shared/protocol/messages";
import { LANGUAGE_LIST, getLanguage, t } from "../i18n/index";
import type { ConnectionStatus } from "../net/session";
import { button, clear, h } from "./dom";

export interface TopBarState {
  code: string | null;
  subtitle: string;
  status: ConnectionStatus | null;
  retryInMs: number;
  /** The server is handing the room to another process (draining), not a network failure. */
  moving: boolean;
  /** The sound toggle, on the screens that have sound (null: none here). */
  sound: { on: boolean } | null;
}

export class TopBar {
  readonly root = h("header", { class: "topbar" });
  readonly banner = h("div", {
    class: "banner",
    role: "alert",
    "data-testid": "connection-banner",
  });
  private state: TopBarState = {
    code: null,
    subtitle: "",
    status: null,
    retryInMs: 0,
    moving: false,
    sound: null,
  };

  constructor(
    private readonly onLanguage: (language: Language) => void,
    private readonly onHome: () => void,
    private readonly onSound: () => void = () => undefined,
  ) {
    this.render();
  }

  update(patch: Partial<TopBarState>): void {
    this.state = { ...this.state, ...patch };
    this.render();
  }

  render(): void {
    const { code, subtitle, status, retryInMs, moving, sound } = this.state;
    clear(this.root);
    const brand = button(t("app.title"), () => this.onHome(), {
      class: "brand",
      title: t("app.tagline"),
    });
    const langs = h(
      "div",
      { class: "lang", role: "group", "aria-label": t("lang.label") },
      ...LANGUAGE_LIST.map((lang) =>
        button(lang.toUpperCase(), () => this.onLanguage(lang), {
          class: lang === getLanguage() ? "lang-btn active" : "lang-btn",
          "aria-pressed": String(lang === getLanguage()),
          title: t(`lang.${lang}`),
          "data-testid": `lang-${lang}`,
        }),
      ),
    );
    const dot =
      status === null
        ? null
        : h("span", {
            class: `status-dot status-${status}`,
            title: t(status === "connected" ? "net.connected" : "net.reconnecting"),
          });
    this.root.append(
      h(
        "div",
        { class: "topbar-left" },
        brand,
        subtitle ? h("span", { class: "subtitle" }, subtitle) : null,
      ),
      h(
        "div",
        { class: "topbar-right" },
        code ? h("span", { class: "code-chip", "data-testid": "room-code" }, code) : null,
        sound
          ? button("♪", () => this.onSound(), {
              class: sound.on ? "sound-btn on" : "sound-btn off",
              "aria-pressed": String(sound.on),
              "aria-label": t("sound.toggle"),
              title: t(sound.on ? "sound.on" : "sound.off"),
              "data-testid": "sound-toggle",
            })
          : null,
        dot,
        langs,
      ),
    );
    // The banner says what is happening with the connection, in words.
    clear(this.banner);
    this.banner.className = "banner";
    if (status === "reconnecting" || status === "lost") {
      const text =
        status === "reconnecting"
          ? t("net.reconnecting")
          : retryInMs < 0
            ? t("net.gaveUp")
            : t(moving ? "net.moving" : "net.lost", {
                s: Math.max(1, Math.round(retryInMs / 1000)),
              });
      this.banner.append(h("span", {}, text));
      if (retryInMs < 0)
        this.banner.append(button(t("net.leave"), () => this.onHome(), { class: "btn small" }));
      this.banner.classList.add("visible");
    }
  }
}
