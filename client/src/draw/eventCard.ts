/** The quarter's event card(s): a warning stripe, the title and the essay-voiced text. */
import type Phaser from "phaser";
import { COLORS } from "../theme";
import type { Rect } from "../viewmodels/chart";
import type { EventCardModel } from "../viewmodels/eventCards";
import { panel } from "./panel";
import { fit, text } from "./text";

export function eventCard(
  scene: Phaser.Scene,
  r: Rect,
  cards: readonly EventCardModel[],
  heading: string,
  scale = 1,
): Phaser.GameObjects.Container {
  const c = scene.add.container(0, 0);
  const calm = cards.every((card) => card.calm);
  const accent = calm ? COLORS.trust : COLORS.warning;
  c.add(panel(scene, r, { fill: COLORS.panel, border: accent, borderAlpha: calm ? 0.35 : 0.9 }));
  const stripe = scene.add.graphics();
  stripe.fillStyle(accent, calm ? 0.5 : 1);
  stripe.fillRoundedRect(r.x, r.y, 6, r.h, { tl: 14, bl: 14, tr: 0, br: 0 });
  c.add(stripe);
  const pad = Math.round(16 * scale);
  c.add(
    text(scene, r.x + pad, r.y + pad * 0.8, heading.toUpperCase(), {
      size: 11 * scale,
      weight: "bold",
      color: accent,
    }),
  );
  let y = r.y + pad * 0.8 + 18 * scale;
  const bodySize = Math.round((r.h < 110 ? 13 : 15) * scale);
  for (const card of cards) {
    if (y > r.y + r.h - 20) break;
    c.add(
      fit(
        text(scene, r.x + pad, y, card.title, { size: Math.round(18 * scale), weight: "bold" }),
        r.w - pad * 2,
      ),
    );
    y += 26 * scale;
    const body = text(scene, r.x + pad, y, card.text, {
      size: bodySize,
      color: COLORS.textDim,
      wrap: r.w - pad * 2,
      lineSpacing: 3,
    });
    // Trim the text to the card rather than overflow it.
    const room = r.y + r.h - y - 8;
    if (body.height > room) {
      const lines = Math.max(1, Math.floor(room / (bodySize + 3)));
      const wrapped = body.getWrappedText(card.text).slice(0, lines);
      if (wrapped.length > 0)
        wrapped[wrapped.length - 1] =
          `${(wrapped[wrapped.length - 1] ?? "").replace(/\s*\S*$/, "")}…`;
      body.setText(wrapped.join("\n"));
    }
    c.add(body);
    y += body.height + 10;
  }
  return c;
}
