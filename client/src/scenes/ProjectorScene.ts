/** The room screen: big, public, readable from the back of the room. */
import type Phaser from "phaser";
import type { TeamInsights } from "../../../shared/analysis/insights";
import { QR_TEXTURE, SCENES } from "../constants";
import { getLanguage } from "../i18n/index";
import { qrCanvas } from "../ui/qr";
import { serverAddress } from "../net/api";
import { displayHost, joinTarget, joinUrl, type ServerAddress } from "../viewmodels/joinAddress";
import { timerModel } from "../viewmodels/timer";
import { timerColor } from "../draw/timerBadge";
import { css } from "../theme";
import { BaseScene } from "./BaseScene";
import { h } from "../ui/dom";
import { rankingTable } from "../ui/boardSummary";
import { leaderboard } from "../viewmodels/leaderboard";
import { drawProjector } from "./projectorView";

export class ProjectorScene extends BaseScene {
  private digits: Phaser.GameObjects.Text | null = null;
  private qrCode = "";
  /** The debrief's attribution: asked for as soon as the debrief opens, ready for the reveal. */
  private insights: TeamInsights[] | null = null;
  private creditKey = "";
  /** The ranking the canvas shows, as a table for screen readers. */
  private readonly ranking = h("section", { class: "sr-only" });

  constructor() {
    super(SCENES.projector);
  }

  /** Where the room's devices reach the server (asked once): the QR and the address say it. */
  private address: ServerAddress | null = null;

  protected override setup(): void {
    this.mountPanel(this.ranking);
    void serverAddress().then((address) => {
      this.address = address;
      this.invalidate();
    });
  }

  private joinBase(): string {
    return joinTarget(window.location, this.address).base;
  }

  /** The QR texture is made once per code and address; the QR library draws it asynchronously. */
  private qrKey(code: string): string | null {
    const url = joinUrl(this.joinBase(), code);
    const key = `${QR_TEXTURE}.${url}`;
    if (this.textures.exists(key)) return key;
    if (this.qrCode === url) return null;
    this.qrCode = url;
    const canvas = qrCanvas(url, 512, () => {
      if (!this.textures.exists(key)) this.textures.addCanvas(key, canvas);
      this.invalidate();
    });
    return null;
  }

  private fetchCredit(): void {
    const session = this.app.session;
    const view = session?.view;
    if (!session || !view || (view.phase !== "debrief" && view.phase !== "ended")) return;
    const key = `${session.roomId}:${view.turn}`;
    if (key === this.creditKey) return;
    this.creditKey = key;
    this.insights = null;
    this.app.debrief.credit(session).then(
      (result) => {
        if (this.creditKey !== key) return;
        this.insights = result.teams;
        this.invalidate();
      },
      () => {
        // Asked again on the next state change; the projector shows the answers meanwhile.
        if (this.creditKey === key) this.creditKey = "";
      },
    );
  }

  protected draw(width: number, height: number): void {
    const view = this.app.session?.view;
    if (!view) return;
    this.fetchCredit();
    const language = getLanguage();
    this.ranking.replaceChildren(
      rankingTable(language, leaderboard(language, Object.values(view.teams), null)),
    );
    this.digits = drawProjector(this, this.root, {
      width,
      height,
      language: getLanguage(),
      view,
      qrKey: this.qrKey(view.code),
      host: displayHost(this.joinBase()),
      now: this.app.session?.serverNow() ?? Date.now(),
      insights: this.insights,
    });
  }

  protected override tick(): void {
    const view = this.app.session?.view;
    if (!this.digits || !view) return;
    const model = timerModel(view, this.app.session?.serverNow() ?? Date.now());
    if (this.digits.text !== model.text) {
      this.digits.setText(model.text);
      this.digits.setColor(css(timerColor(model)));
    }
  }
}
