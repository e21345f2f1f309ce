/**
 * The forecast on a phone's decision tab: what this draft would do to each gauge this quarter,
 * in one row under the quarter's card, so nobody leaves the levers to see it.
 */
import type Phaser from "phaser";
import { COLORS } from "../theme";
import type { Rect } from "../viewmodels/chart";
import type { GaugeModel } from "../viewmodels/gauges";
import { GAUGE_COLORS } from "./gauge";
import { panel } from "./panel";
import { fit, text } from "./text";

export function forecastStrip(
  scene: Phaser.Scene,
  r: Rect,
  heading: string,
  gauges: readonly GaugeModel[],
  label: (g: GaugeModel) => string,
): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  c.add(panel(scene, r, { fill: COLORS.panel, border: COLORS.line, radius: 10 }));
  c.add(
    fit(
      text(scene, r.x + 12, r.y + 6, heading.toUpperCase(), {
        size: 10,
        weight: "bold",
        color: COLORS.textDim,
      }),
      r.w - 24,
    ),
  );
  const colW = (r.w - 24) / Math.max(1, gauges.length);
  gauges.forEach((g, i) => {
    const x = r.x + 12 + i * colW;
    const name = fit(
      text(scene, x, r.y + 22, label(g), { size: 12, color: GAUGE_COLORS[g.id] }),
      colW - 6,
    );
    c.add(name);
    const change = g.forecastDelta ?? "—";
    const value = text(scene, x, r.y + 22 + name.height, change, {
      size: 14,
      weight: "bold",
      color: change.startsWith("-") || change.startsWith("−") ? COLORS.danger : COLORS.text,
    });
    c.add(fit(value, colW - 6));
  });
  return c;
}
