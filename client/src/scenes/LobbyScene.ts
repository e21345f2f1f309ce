/** The participant's waiting room before the game starts. DOM card over the community art. */
import { SCENES } from "../constants";
import { backdrop } from "../draw/backdrop";
import { findScenario } from "../scenarios";
import { lobbyPanel } from "../ui/lobbyPanel";
import { BaseScene } from "./BaseScene";

export class LobbyScene extends BaseScene {
  constructor() {
    super(SCENES.lobby);
  }

  protected override setup(): void {
    this.renderPanel();
    this.keep(this.app.events.on("view", () => this.renderPanel()));
  }

  protected override onLanguage(): void {
    this.renderPanel();
  }

  private renderPanel(): void {
    const session = this.app.session;
    const view = session?.view;
    if (!session || !view) return;
    const scrollTop = this.panel?.scrollTop ?? 0;
    this.mountPanel(
      lobbyPanel(
        view,
        {
          name: session.identity.name,
          teamId: session.teamId,
          playerId: session.identity.playerId,
        },
        findScenario(view.scenarioId)?.budget ?? 10,
        (teamId) => void session.send("team.join", { teamId }),
      ),
    );
    if (this.panel) this.panel.scrollTop = scrollTop;
  }

  protected draw(width: number, height: number): void {
    this.root.add(backdrop(this, width, height, { lit: 0.3 }));
  }
}
