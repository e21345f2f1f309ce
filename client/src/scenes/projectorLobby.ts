/** The projector while people arrive: the join code, the QR code and who sits in which team. */
import type Phaser from "phaser";
import type { translate } from "../i18n/index";
import { COLORS, teamColor } from "../theme";
import { lobbyTeams } from "../viewmodels/facilitator";
import { panel } from "../draw/panel";
import { fit, text } from "../draw/text";
import type { ProjectorParams } from "./projectorView";

type Add = (...o: Phaser.GameObjects.GameObject[]) => void;

export function projectorLobby(
  scene: Phaser.Scene,
  add: Add,
  p: ProjectorParams,
  s: number,
  tr: (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => string,
): void {
  const { width: w, height: h, view } = p;
  const left = w * 0.06;
  add(text(scene, left, h * 0.12, tr("proj.join"), { size: 48 * s, weight: "bold" }));
  add(
    text(scene, left, h * 0.12 + 70 * s, view.code, {
      size: 150 * s,
      weight: "bold",
      color: COLORS.accent,
    }),
  );
  add(
    text(scene, left, h * 0.12 + 260 * s, tr("proj.scan", { host: p.host }), {
      size: 30 * s,
      color: COLORS.textDim,
    }),
  );
  if (p.qrKey) {
    const size = Math.min(h * 0.42, w * 0.26);
    add(
      scene.add
        .image(left + size / 2, h * 0.12 + 330 * s + size / 2, p.qrKey)
        .setDisplaySize(size, size),
    );
  }
  const teams = lobbyTeams(view);
  const x0 = w * 0.5;
  const colW = (w * 0.46) / 2;
  const rowH = Math.min(200 * s, (h * 0.8) / Math.ceil(teams.length / 2));
  teams.forEach((team, i) => {
    const x = x0 + (i % 2) * colW;
    const y = h * 0.12 + Math.floor(i / 2) * rowH;
    add(
      panel(
        scene,
        { x, y, w: colW - 20 * s, h: rowH - 20 * s },
        { border: teamColor(team.colorIndex), borderAlpha: 0.7 },
      ),
    );
    add(
      fit(
        text(scene, x + 20 * s, y + 16 * s, team.name, {
          size: 30 * s,
          weight: "bold",
          color: teamColor(team.colorIndex),
        }),
        colW - 60 * s,
      ),
    );
    const names = team.players.length
      ? team.players.map((pl) => pl.name).join(", ")
      : team.bot
        ? tr("lobby.bot")
        : tr("lobby.empty");
    add(
      text(scene, x + 20 * s, y + 64 * s, names, {
        size: 24 * s,
        color: team.players.length ? COLORS.text : COLORS.textFaint,
        wrap: colW - 60 * s,
      }),
    );
  });
}
