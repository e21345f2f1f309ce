/** The facilitator console: a DOM dashboard over a quiet backdrop. */
import { printFromRoom } from "../app/printing";
import { SCENES } from "../constants";
import { backdrop } from "../draw/backdrop";
import { getLanguage } from "../i18n/index";
import { FacilitatorPanel } from "../ui/facilitatorPanel";
import { botTeamsNotice } from "../viewmodels/botTeams";
import { BaseScene } from "./BaseScene";

export class FacilitatorScene extends BaseScene {
  private console: FacilitatorPanel | null = null;

  constructor() {
    super(SCENES.facilitator);
  }

  protected override setup(): void {
    this.build();
    this.keep(this.app.events.on("view", () => this.refresh()));
  }

  protected override onLanguage(): void {
    this.build();
  }

  private build(): void {
    const session = this.app.session;
    if (!session) return;
    this.console = new FacilitatorPanel(session.facilitatorToken ?? "", {
      send: async (type, payload) => {
        const ack = await session.request(type, payload);
        const bots = botTeamsNotice(getLanguage(), ack?.botTeams ?? [], session.view);
        if (bots) this.app.toasts.show(bots, "info", 8000);
        return ack !== null;
      },
      now: () => session.serverNow(),
      injected: (title) => this.app.notify("fac.injected", "success", { title }),
      fail: (error) => this.app.fail(error),
      print: (teamId) =>
        void printFromRoom(this.app, teamId).catch((error) => this.app.fail(error)),
      openDebrief: () => {
        this.app.ui.wantsDebrief = true;
        this.app.route();
      },
      copy: (text) => {
        void navigator.clipboard?.writeText(text).then(
          () => this.app.notify("common.copied", "success"),
          () => window.prompt("", text),
        );
      },
    });
    this.mountPanel(this.console.root);
    this.refresh();
  }

  private refresh(): void {
    const view = this.app.session?.view;
    if (view && this.console) this.console.update(view);
  }

  protected override tick(): void {
    const view = this.app.session?.view;
    if (view && this.console) this.console.tickClock(view);
  }

  protected draw(width: number, height: number): void {
    this.root.add(backdrop(this, width, height, { alpha: 0.5 }));
  }
}
