/** The wide projector while people arrive: the join code, the QR code and who sits where. */
import { COLORS, teamColor } from "../../theme";
import { lobbyTeams } from "../../viewmodels/facilitator";
import { panel } from "../../draw/panel";
import { fit, text } from "../../draw/text";
import { lobbyPlayers, type LobbyTeam, type ProjectorContext } from "./context";

export function drawLobby(ctx: ProjectorContext): void {
  drawJoin(ctx);
  const teams = lobbyTeams(ctx.view);
  const { width, height } = ctx.params;
  const columnWidth = (width * 0.46) / 2;
  const rowHeight = Math.min(200 * ctx.scale, (height * 0.8) / Math.ceil(teams.length / 2));
  teams.forEach((team, i) => {
    const x = width * 0.5 + (i % 2) * columnWidth;
    const y = height * 0.12 + Math.floor(i / 2) * rowHeight;
    drawLobbyTeam(ctx, team, { x, y, w: columnWidth, h: rowHeight });
  });
}

/** The invitation, the code in large type, the address and the QR code. */
function drawJoin(ctx: ProjectorContext): void {
  const { params, scale, translate, scene } = ctx;
  const { width, height } = params;
  const left = width * 0.06;
  const top = height * 0.12;
  ctx.add(text(scene, left, top, translate("proj.join"), { size: 48 * scale, weight: "bold" }));
  ctx.add(
    text(scene, left, top + 70 * scale, ctx.view.code, {
      size: 150 * scale,
      weight: "bold",
      color: COLORS.accent,
    }),
  );
  ctx.add(
    text(scene, left, top + 260 * scale, translate("proj.scan", { host: params.host }), {
      size: 30 * scale,
      color: COLORS.textDim,
    }),
  );
  if (!params.qrKey) return;
  const size = Math.min(height * 0.42, width * 0.26);
  const qr = scene.add.image(left + size / 2, top + 330 * scale + size / 2, params.qrKey);
  ctx.add(qr.setDisplaySize(size, size));
}

/** A team's cell: its name in its colour, then its players (or that a bot or no one plays). */
function drawLobbyTeam(
  ctx: ProjectorContext,
  team: LobbyTeam,
  cell: { x: number; y: number; w: number; h: number },
): void {
  const { scene, scale } = ctx;
  const color = teamColor(team.colorIndex);
  const rect = { x: cell.x, y: cell.y, w: cell.w - 20 * scale, h: cell.h - 20 * scale };
  ctx.add(panel(scene, rect, { border: color, borderAlpha: 0.7 }));
  const name = text(scene, cell.x + 20 * scale, cell.y + 16 * scale, team.name, {
    size: 30 * scale,
    weight: "bold",
    color,
  });
  ctx.add(fit(name, cell.w - 60 * scale));
  ctx.add(
    text(scene, cell.x + 20 * scale, cell.y + 64 * scale, lobbyPlayers(team, ctx.translate), {
      size: 24 * scale,
      color: team.players.length ? COLORS.text : COLORS.textFaint,
      wrap: cell.w - 60 * scale,
    }),
  );
}
