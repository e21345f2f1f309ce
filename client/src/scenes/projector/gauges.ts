/**
 * Inside each team's panel during the game: its three gauges, each with its value, its change,
 * a bar, its history and, after a reveal, its main reason.
 */
import { findScenario } from "../../scenarios";
import { COLORS } from "../../theme";
import type { Rect } from "../../viewmodels/chart";
import {
  GAUGE_IDS,
  gaugeModels,
  gaugeScale,
  startPoint,
  type GaugeModel,
} from "../../viewmodels/gauges";
import { reasonsModel, type ReasonLine } from "../../viewmodels/reasons";
import { GAUGE_COLORS, sparkline } from "../../draw/gauge";
import { fit, text } from "../../draw/text";
import type { ProjectorContext, Team } from "./context";

interface Panel {
  team: Team;
  inner: Rect;
}

/** One gauge's band in a panel: where it starts and how tall it is. */
interface GaugeBand {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function drawTeamGauges(ctx: ProjectorContext, panels: readonly Panel[]): void {
  const histories = ctx.teams.map((team) => team.history);
  // Every team on the same scale, so the room compares panels at a glance.
  const scales = {
    reach: gaugeScale("reach", histories),
    engagement: gaugeScale("engagement", histories),
  };
  const start = startPoint(findScenario(ctx.view.scenarioId));
  // Asked for on demand (a team's reasons reach only that team in the state): the quarter's own.
  const asked = ctx.params.reasons;
  const revealed = ctx.view.phase === "results" && asked?.turn === ctx.view.turn ? asked : null;
  for (const { team, inner } of panels) {
    const gauges = gaugeModels(ctx.language, team.history, start, { scales });
    // After a reveal, the room reads each gauge's main reason under it.
    const reasons = revealed?.teams[team.id];
    const why = reasons ? reasonsModel(ctx.language, reasons, 1) : [];
    // The panel's content box starts 60 px under its top; the gauges start 4 px lower.
    const top = inner.y + 4 * ctx.scale;
    const bandHeight = (inner.h + 6 * ctx.scale) / GAUGE_IDS.length;
    gauges.forEach((gauge, k) => {
      const band = { x: inner.x, y: top + k * bandHeight, w: inner.w, h: bandHeight };
      drawGauge(ctx, band, gauge, why[k]?.lines[0]);
    });
  }
}

function drawGauge(
  ctx: ProjectorContext,
  band: GaugeBand,
  gauge: GaugeModel,
  reason: ReasonLine | undefined,
): void {
  const { scene, scale } = ctx;
  const color = GAUGE_COLORS[gauge.id];
  const label = ctx.translate(`gauge.${gauge.id}`);
  ctx.add(text(scene, band.x, band.y, label, { size: 19 * scale, color: COLORS.textDim }));
  drawValue(ctx, band, gauge);
  const graphics = scene.add.graphics();
  const barY = band.y + 36 * scale;
  graphics.fillStyle(COLORS.backgroundDeep, 1);
  graphics.fillRoundedRect(band.x, barY, band.w, 8 * scale, 4 * scale);
  graphics.fillStyle(color, 1);
  if (gauge.fill > 0.004) {
    const filled = Math.max(8 * scale, band.w * gauge.fill);
    graphics.fillRoundedRect(band.x, barY, filled, 8 * scale, 4 * scale);
  }
  const sparkHeight = Math.min(120 * scale, band.h - (reason ? 92 : 64) * scale);
  if (sparkHeight > 10) {
    const spark = { x: band.x, y: barY + 16 * scale, w: band.w, h: sparkHeight };
    sparkline(graphics, spark, gauge.spark, color, ctx.view.turnsTotal + 1);
  }
  ctx.add(graphics);
  if (reason) {
    const line = text(
      scene,
      band.x,
      barY + 24 * scale + sparkHeight,
      `${reason.display}  ${reason.label}`,
      {
        size: 17 * scale,
        color: reason.positive ? COLORS.accent : COLORS.danger,
      },
    );
    ctx.add(fit(line, band.w));
  }
}

/** The value on the right, its change just before it. */
function drawValue(ctx: ProjectorContext, band: GaugeBand, gauge: GaugeModel): void {
  const { scene, scale } = ctx;
  const right = band.x + band.w;
  const value = text(scene, right, band.y - 6 * scale, gauge.display, {
    size: 30 * scale,
    weight: "bold",
    color: GAUGE_COLORS[gauge.id],
  }).setOrigin(1, 0);
  ctx.add(value);
  if (!gauge.deltaDisplay) return;
  const deltaColor =
    gauge.delta > 0 ? COLORS.accent : gauge.delta < 0 ? COLORS.danger : COLORS.textFaint;
  ctx.add(
    text(scene, right - value.width - 12 * scale, band.y + 4 * scale, gauge.deltaDisplay, {
      size: 16 * scale,
      weight: "bold",
      color: deltaColor,
    }).setOrigin(1, 0),
  );
}
