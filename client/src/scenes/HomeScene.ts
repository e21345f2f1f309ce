/** Home: join a workshop, host one, or practise solo. The forms are DOM; the canvas is the art. */
import { SCENES } from "../constants";
import { backdrop } from "../draw/backdrop";
import { getLanguage, pick, type MessageKey } from "../i18n/index";
import { hostWorkshop, joinWorkshop, resumeSolo, startSolo } from "../net/connect";
import { storage } from "../net/storage";
import { findScenario } from "../scenarios";
import { homePanel, type HomeHandlers, type HomeTab } from "../ui/homePanel";
import type { SoloGamesHandlers } from "../ui/soloGamesCard";
import { errorKey, isFinalJoinRefusal } from "../viewmodels/errors";
import { soloGameItems } from "../viewmodels/soloGames";
import { BaseScene } from "./BaseScene";
import type { WorkshopsPage } from "./workshopsPage";

export class HomeScene extends BaseScene {
  private tab: HomeTab = "join";
  /** The home forms, or "Mes ateliers" (`/?workshops`). */
  private page: "home" | "workshops" = "home";
  /** A facilitator's page: its code comes on the first visit, not with a participant's load. */
  private workshops: WorkshopsPage | null = null;
  private workshopsLoading: Promise<WorkshopsPage> | null = null;

  constructor() {
    super(SCENES.home);
  }

  protected override setup(): void {
    this.page = this.app.start.workshops && !this.app.start.code ? "workshops" : "home";
    if (this.page === "workshops") this.openWorkshops();
    else this.renderPanel();
  }

  private go(page: "home" | "workshops"): void {
    this.page = page;
    window.history.replaceState(null, "", page === "workshops" ? "/?workshops" : "/");
    if (page === "workshops") this.openWorkshops();
    else this.renderPanel();
  }

  /** Loads the page's code once, then its list (each visit). */
  private openWorkshops(): void {
    this.workshopsLoading ??= import("./workshopsPage").then(
      ({ WorkshopsPage }) =>
        (this.workshops = new WorkshopsPage(
          () => this.app,
          () => this.renderPanel(),
          (page) => this.go(page),
        )),
    );
    this.workshopsLoading.then(
      (workshops) => {
        if (this.page !== "workshops") return;
        workshops.load();
        this.renderPanel();
      },
      (error: unknown) => {
        console.error("Loading the workshops page failed:", error);
        this.workshopsLoading = null;
        this.page = "home";
        this.app.notify("loading.failed", "error");
        this.renderPanel();
      },
    );
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
    return {
      join: (code, name) => this.attempt(async () => app.adopt(await joinWorkshop(code, name))),
      host: (choice) =>
        this.attempt(async () => {
          // One secret for every workshop of this browser: "Mes ateliers" lists them in one go.
          const key = storage.facilitatorKey();
          app.adopt(await hostWorkshop({ ...choice, ...(key ? { facilitatorToken: key } : {}) }));
        }),
      solo: (choice) =>
        this.attempt(async () =>
          app.adopt(
            await startSolo({
              scenario: choice.scenario,
              years: choice.years,
              rivals: choice.rivals,
              language: app.language(),
              ...(choice.name ? { name: choice.name } : {}),
            }),
          ),
        ),
    };
  }

  private gameHandlers(): SoloGamesHandlers {
    return {
      resume: async (roomId) => {
        const game = storage.soloGame(roomId);
        if (!game) {
          this.renderPanel();
          return null;
        }
        const error = await this.attempt(async () => this.app.adopt(await resumeSolo(game)));
        // A game the server no longer has has left the list: show the list without it, and say so.
        if (error && isFinalJoinRefusal(error)) {
          this.renderPanel();
          this.app.notify("home.games.gone", "error");
          return null;
        }
        return error;
      },
      forget: (roomId) => {
        storage.forgetSoloGame(roomId);
        this.renderPanel();
      },
    };
  }

  private renderPanel(): void {
    if (this.page === "workshops") {
      // Until its code arrives the home forms stay (rarely seen: the chunk is small).
      if (this.workshops) {
        this.mountPanel(this.workshops.render());
        return;
      }
    }
    const prefill = this.app.start.code ?? "";
    if (prefill && this.tab !== "join" && !this.panel) this.tab = "join";
    this.mountPanel(
      homePanel(
        this.tab,
        prefill,
        this.handlers(),
        (tab) => {
          this.tab = tab;
          this.renderPanel();
        },
        {
          items: soloGameItems(getLanguage(), storage.soloGames(), (id) => {
            const scenario = findScenario(id);
            return scenario ? pick(scenario.title) : undefined;
          }),
          on: this.gameHandlers(),
        },
        () => this.go("workshops"),
      ),
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
