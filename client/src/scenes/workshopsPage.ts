/**
 * The home scene's "Mes ateliers" page: which tokens to ask about (this browser's, plus any
 * pasted), the list fetched once per visit, and the actions (reopen the console, download,
 * end). The DOM is ui/workshopsPanel.ts; the lines are viewmodels/workshops.ts.
 */
import type { App } from "../app/app";
import { getLanguage, type MessageKey } from "../i18n/index";
import { listWorkshops } from "../net/api";
import { endWorkshop, facilitate } from "../net/connect";
import { downloadWithToken, fetchJsonWithToken } from "../net/download";
import { printExport } from "../print/index";
import { storage } from "../net/storage";
import { findScenario } from "../scenarios";
import { workshopsPanel, type WorkshopsState } from "../ui/workshopsPanel";
import { exportUrl } from "../viewmodels/downloads";
import { errorKey } from "../viewmodels/errors";
import { scenarioTitle } from "../viewmodels/scenarioTitle";
import {
  distinctTokens,
  mergeWorkshops,
  workshopLine,
  type WorkshopSummary,
} from "../viewmodels/workshops";

export class WorkshopsPage {
  private list: WorkshopSummary[] = [];
  private loading = false;
  private partial = false;
  private pasted: string | null = null;
  /** Bumped by each load: an older answer arriving late changes nothing. */
  private generation = 0;

  constructor(
    private readonly app: () => App,
    private readonly rerender: () => void,
    private readonly go: (page: "home" | "workshops") => void,
  ) {}

  load(): void {
    const tokens = distinctTokens(storage.facilitatorTokens());
    if (this.pasted && !tokens.includes(this.pasted)) tokens.push(this.pasted);
    const generation = ++this.generation;
    this.loading = true;
    void (async () => {
      const lists: WorkshopSummary[][] = [];
      let partial = false;
      // One request after the other: listings are rate-limited per address.
      for (const token of tokens) {
        const answer = await listWorkshops(token);
        if (answer.ok) lists.push(answer.workshops);
        else {
          partial = true;
          if (answer.limited) break;
        }
      }
      if (generation !== this.generation) return;
      this.list = mergeWorkshops(lists);
      this.partial = partial;
      this.loading = false;
      this.rerender();
    })();
  }

  private tokenOf(code: string): string | null {
    return this.list.find((w) => w.code === code)?.token ?? null;
  }

  private async attempt(run: () => Promise<void>): Promise<MessageKey | null> {
    try {
      await run();
      return null;
    } catch (error) {
      return errorKey(error);
    }
  }

  render(): HTMLElement {
    const language = getLanguage();
    const state: WorkshopsState = {
      loading: this.loading,
      lines: this.list.map((w) =>
        workshopLine(language, w, (id, turnsTotal) => {
          const scenario = findScenario(id);
          return scenario ? scenarioTitle(language, scenario, turnsTotal) : undefined;
        }),
      ),
      partial: this.partial,
      pastedNothing: this.pasted !== null && !this.list.some((w) => w.token === this.pasted),
    };
    return workshopsPanel(
      state,
      {
        back: () => this.go("home"),
        paste: (token) => {
          this.pasted = token;
          this.load();
          this.rerender();
        },
        reopen: (code) =>
          this.attempt(async () => {
            const token = this.tokenOf(code);
            if (token) this.app().adopt(await facilitate(code, token));
          }),
        end: (code) =>
          this.attempt(async () => {
            const token = this.tokenOf(code);
            if (!token) return;
            await endWorkshop(code, token);
            this.app().notify("workshops.ended", "success", { code });
            this.load();
            this.rerender();
          }),
        download: (code, url, name) => {
          const token = this.tokenOf(code);
          if (!token) return;
          downloadWithToken(url, token, name).catch((error: unknown) => this.app().fail(error));
        },
        pdf: async (code) => {
          const token = this.tokenOf(code);
          if (!token) return null;
          let json: unknown;
          try {
            json = await fetchJsonWithToken(exportUrl(window.location.origin, code, "json"), token);
          } catch (error) {
            return errorKey(error);
          }
          try {
            await printExport(json, { kind: "room" }, language);
          } catch (error) {
            // The export did not replay: its message says why, already in the page's language.
            this.app().toasts.show(error instanceof Error ? error.message : String(error), "error");
          }
          return null;
        },
      },
      window.location.origin,
    );
  }
}
