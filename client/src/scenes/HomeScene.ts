/** Home: join a workshop, host one, or practise solo. The forms are DOM; the canvas is the art. */
import { SCENES } from "../constants";
import { backdrop } from "../draw/backdrop";
import type { MessageKey } from "../i18n/index";
import { hostWorkshop, joinWorkshop, resumeSolo, startSolo } from "../net/connect";
import { storage } from "../net/storage";
import { homePanel, type HomeHandlers, type HomeTab } from "../ui/homePanel";
import { errorKey } from "../viewmodels/errors";
import { BaseScene } from "./BaseScene";

export class HomeScene extends BaseScene {
  private tab: HomeTab = "join";

  constructor() {
    super(SCENES.home);
  }

  protected override setup(): void {
    this.renderPanel();
  }

  protected override onLanguage(): void {
    this.renderPanel();
  }

  private async attempt(run: () => Promise<void>): Promise<MessageKey | null> {
    try {
      await run();
      return null;
    } catch (error) {
      return errorKey(error);
    }
  }

  private handlers(): HomeHandlers {
    const app = this.app;
    const solo = storage.solo();
    return {
      join: (code, name) => this.attempt(async () => app.adopt(await joinWorkshop(code, name))),
      host: (choice) => this.attempt(async () => app.adopt(await hostWorkshop(choice))),
      solo: (choice) =>
        this.attempt(async () =>
          app.adopt(
            await startSolo({
              scenario: choice.scenario,
              rivals: choice.rivals,
              language: app.language(),
              ...(choice.name ? { name: choice.name } : {}),
            }),
          ),
        ),
      resumeSolo: solo ? () => this.attempt(async () => app.adopt(await resumeSolo(solo))) : null,
    };
  }

  private renderPanel(): void {
    const prefill = this.app.start.code ?? "";
    if (prefill && this.tab !== "join" && !this.panel) this.tab = "join";
    this.mountPanel(
      homePanel(this.tab, prefill, this.handlers(), (tab) => {
        this.tab = tab;
        this.renderPanel();
      }),
    );
    // Put the cursor where the next keystroke belongs.
    const target = this.panel?.querySelector<HTMLInputElement>(
      prefill ? "[data-testid=join-name]" : "[data-testid=join-code]",
    );
    if (this.tab === "join" && window.innerWidth > 760) target?.focus();
  }

  protected draw(width: number, height: number): void {
    this.root.add(backdrop(this, width, height));
  }
}
