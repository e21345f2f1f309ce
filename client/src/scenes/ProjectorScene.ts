/** The room screen: big, public, readable from the back of the room. */
import type Phaser from "phaser";
import { moveToken, type BestChange } from "../../../shared/analysis/bestChanges";
import type { TeamInsights } from "../../../shared/analysis/insights";
import type { LuckBand } from "../../../shared/analysis/luckBand";
import type { GameState } from "../../../shared/model/types";
import type { QuarterReasons } from "../../../shared/protocol/view";
import { QR_TEXTURE, SCENES } from "../constants";
import { getLanguage, translate } from "../i18n/index";
import { qrCanvas } from "../ui/qr";
import { serverAddress } from "../net/api";
import { displayHost, joinTarget, joinUrl, type ServerAddress } from "../viewmodels/joinAddress";
import { decisions, replayDebrief, roomLuckBands, whatIf } from "../viewmodels/debrief";
import { timerModel } from "../viewmodels/timer";
import { timerColor } from "../draw/timerBadge";
import { css } from "../theme";
import { AskedOnce } from "./askedOnce";
import { BaseScene } from "./BaseScene";
import { findScenario } from "../scenarios";
import { ProjectorSummary } from "../ui/projectorSummary";
import { startPoint } from "../viewmodels/gauges";
import { projectorLiveText, projectorShowText } from "../viewmodels/projectorText";
import { drawProjector, drawProjectorShow } from "./projector/index";
import { RevealPlayer } from "./revealPlayer";

export class ProjectorScene extends BaseScene {
  private digits: Phaser.GameObjects.Text | null = null;
  private qrCode = "";
  /** The debrief's attribution: asked for as soon as the debrief opens, ready for the reveal. */
  private readonly credit = new AskedOnce<TeamInsights[]>();
  /** What the canvas shows, as text for screen readers (rebuilt with every draw). */
  private readonly summary = new ProjectorSummary();
  /** Every team's reasons for the revealed quarter: asked for once per quarter's results. */
  private readonly reasons = new AskedOnce<QuarterReasons>();
  /** The game replayed from the log, for the debrief screens the facilitator puts up. */
  private played: GameState | null = null;
  private playedKey = "";
  private bands = new Map<string, LuckBand>();
  private branches = new Map<string, { change: BestChange; game: GameState } | null>();

  constructor() {
    super(SCENES.projector);
  }

  /** Where the room's devices reach the server (asked once): the QR and the address say it. */
  private address: ServerAddress | null = null;

  protected override setup(): void {
    this.mountPanel(this.summary.el);
    void serverAddress().then((address) => {
      this.address = address;
      this.invalidate();
    });
    // The quarter's reveal plays over the projector when a quarter it saw resolves.
    const reveal = new RevealPlayer(this, () => this.app.hold());
    this.playMoments(
      "projector",
      reveal,
      () => null,
      () => {
        const s = Math.max(0.5, Math.min(this.scale.width / 1920, this.scale.height / 1080));
        // Never smaller than a laptop's: a small projector still fills a wall.
        return Math.max(1, 1.5 * s);
      },
    );
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
    this.credit.ask(
      `${session.roomId}:${view.turn}`,
      () => this.app.debrief.credit(session).then((result) => result.teams),
      () => this.invalidate(),
    );
  }

  /** Every team's reasons for the revealed quarter (the gauges show without them meanwhile). */
  private fetchReasons(): void {
    const session = this.app.session;
    const view = session?.view;
    if (!session || !view || view.phase !== "results") return;
    this.reasons.ask(
      `${session.roomId}:${view.turn}`,
      () => session.quarterReasons(),
      () => this.invalidate(),
    );
  }

  /** The log, replayed once per room and quarter count (only when a debrief screen is up). */
  private fetchGame(): void {
    const session = this.app.session;
    const view = session?.view;
    if (!session || !view) return;
    const key = `${session.roomId}:${view.turn}`;
    if (key === this.playedKey) return;
    this.playedKey = key;
    this.played = null;
    this.bands.clear();
    this.branches.clear();
    this.app.debrief.log(session).then(
      (data) => {
        if (this.playedKey !== key) return;
        const replayed = replayDebrief(data);
        if (!replayed.ok) throw new Error(replayed.error.message);
        this.played = replayed.value;
        this.invalidate();
      },
      () => {
        if (this.playedKey === key) this.playedKey = "";
      },
    );
  }

  /** Every team's band from one set of replays of the room, the first time one is asked for. */
  private band(teamId: string): LuckBand | null {
    if (!this.played) return null;
    if (this.bands.size === 0) {
      for (const [id, band] of Object.entries(roomLuckBands(this.played))) this.bands.set(id, band);
    }
    return this.bands.get(teamId) ?? null;
  }

  /** The team's best one-token change, replayed: what its trajectory would have been. */
  private branch(teamId: string): { change: BestChange; game: GameState } | null {
    const game = this.played;
    if (!game) return null;
    if (this.branches.has(teamId)) return this.branches.get(teamId) ?? null;
    const change = this.credit.value?.find((x) => x.teamId === teamId)?.bestChanges[0];
    const played = change ? decisions(game, teamId)[change.quarter - 1] : undefined;
    let found: { change: BestChange; game: GameState } | null = null;
    if (change && played) {
      const result = whatIf(
        game,
        teamId,
        change.quarter,
        moveToken(played, change.from, change.to),
        false,
      );
      if (result.ok) found = { change, game: result.value };
    }
    // Kept only once the attribution is known (before, there is no change to replay yet).
    if (this.credit.value) this.branches.set(teamId, found);
    return found;
  }

  protected draw(width: number, height: number): void {
    const view = this.app.session?.view;
    if (!view) return;
    this.fetchCredit();
    this.fetchReasons();
    const language = getLanguage();
    const label = translate(language, "a11y.projector");
    if ((view.phase === "debrief" || view.phase === "ended") && view.show) {
      this.fetchGame();
      this.digits = null;
      const show = {
        language,
        view,
        screen: view.show,
        team: view.showTeam,
        game: this.played,
        insights: this.credit.value,
        band: (id: string) => this.band(id),
        branch: (id: string) => this.branch(id),
      };
      drawProjectorShow(this, this.root, { ...show, width, height });
      this.summary.update(label, projectorShowText(show));
      return;
    }
    const hooks = window.__elan;
    if (hooks) hooks.projectorShow = null;
    const host = displayHost(this.joinBase());
    this.digits = drawProjector(this, this.root, {
      width,
      height,
      language,
      view,
      qrKey: this.qrKey(view.code),
      host,
      now: this.app.session?.serverNow() ?? Date.now(),
      insights: this.credit.value,
      reasons: this.reasons.value,
    });
    const start = startPoint(findScenario(view.scenarioId));
    this.summary.update(
      label,
      projectorLiveText({
        language,
        view,
        host,
        start,
        insights: this.credit.value,
        reasons: this.reasons.value,
      }),
    );
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
