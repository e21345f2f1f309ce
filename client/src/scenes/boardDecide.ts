/**
 * The decision part of the board: the levers (ring or phone grid) around the community, the
 * temptation tile, the budget meter and the button that fits the stage.
 */
import type Phaser from "phaser";
import { translatePlural, type translate } from "../i18n/index";
import { COLORS } from "../theme";
import type { boardModel } from "../viewmodels/board";
import type { BoardLayout } from "../viewmodels/layout";
import { tileControlRects } from "../viewmodels/controls";
import { percent } from "../viewmodels/format";
import { waitingLine } from "../viewmodels/submissions";
import { budgetMeter } from "../draw/budget";
import { canvasButton } from "../draw/button";
import { community } from "../draw/community";
import { leverTile } from "../draw/tile";
import { fit, text } from "../draw/text";
import type { BoardParams } from "./boardView";

export type Tr = (
  key: Parameters<typeof translate>[1],
  params?: Record<string, string | number>,
) => string;

export function drawDecide(
  scene: Phaser.Scene,
  add: (...o: Phaser.GameObjects.GameObject[]) => void,
  L: BoardLayout,
  m: ReturnType<typeof boardModel>,
  p: BoardParams,
  tr: Tr,
  engagement: number,
  trust: number,
): void {
  const { ring } = L;
  if (ring.community) {
    const c = ring.community;
    add(
      community(
        scene,
        c.cx,
        c.cy,
        c.r,
        engagement / 0.4,
        trust,
        tr("board.community"),
        `${percent(p.language, engagement, 1)} ${tr("gauge.engagement").toLowerCase()}`,
      ),
    );
  }
  for (const tile of m.tiles) {
    const pos = ring.tiles[tile.id];
    add(
      leverTile(
        scene,
        pos.x,
        pos.y,
        pos.w,
        pos.h,
        tile,
        L.compact,
        {
          adjust: (d) => p.handlers.adjust(tile.id, d),
          select: () => p.handlers.select(tile.id),
        },
        tr("board.temptation"),
      ),
    );
    // The same − and + as buttons for keyboards and screen readers (ui/decisionControls.ts).
    const at = tileControlRects(pos, L.compact);
    const group = {
      key: tile.id,
      label: translatePlural(p.language, "a11y.lever", tile.tokens, {
        lever: tile.name,
        n: tile.tokens,
        key: tile.key,
      }),
      rect: pos,
    };
    const focus = () => p.handlers.select(tile.id);
    // A phone has no room for descriptions beside the levers: the tile's name opens its own.
    if (L.compact && m.stage === "deciding")
      p.spots.push({
        key: `info-${tile.id}`,
        rect: { x: pos.x, y: pos.y, w: pos.w, h: Math.max(12, at.minus.y - pos.y - 2) },
        label: tr("board.infoOpen", { lever: tile.name }),
        enabled: true,
        group,
        run: () => p.handlers.select(tile.id),
      });
    p.spots.push(
      {
        key: `minus-${tile.id}`,
        rect: at.minus,
        label: tr("a11y.remove", { lever: tile.name }),
        enabled: tile.canRemove,
        group,
        run: () => p.handlers.adjust(tile.id, -1),
        focus,
      },
      {
        key: `plus-${tile.id}`,
        rect: at.plus,
        label: tr("a11y.add", { lever: tile.name }),
        enabled: tile.canAdd,
        group,
        run: () => p.handlers.adjust(tile.id, 1),
        focus,
      },
    );
  }
  if (!L.compact && m.stage === "deciding") {
    // What the selected lever does, then how to drive the board from the keyboard.
    const sel = m.tiles.find((x) => x.selected);
    if (sel) {
      add(
        fit(
          text(scene, L.decide.x, L.decide.y + L.decide.h - 36, `${sel.name} — ${sel.desc}`, {
            size: 13,
            color: COLORS.textDim,
          }),
          L.decide.w,
        ),
      );
    }
    add(
      fit(
        text(scene, L.decide.x, L.decide.y + L.decide.h - 16, tr("board.keyboard"), {
          size: 12,
          color: COLORS.textFaint,
        }),
        L.decide.w,
      ),
    );
  }
  const note =
    m.stage === "deciding" && m.budget.remaining > 0
      ? translatePlural(p.language, "board.unspent", m.budget.remaining, {
          n: m.budget.remaining,
        })
      : m.budget.cut
        ? tr("board.budgetCut")
        : "";
  add(
    budgetMeter(
      scene,
      L.budget,
      p.draft,
      m.budget.total,
      tr("board.budget"),
      tr("board.budgetValue", { used: m.budget.used, total: m.budget.total }),
      note,
    ),
  );
  const s = L.submit;
  const solo = p.session.identity.role === "solo";
  // The submit slot holds one button or one line of text, whatever the stage.
  const slotButton = (label: string, onClick: () => void, disabled = false) => {
    p.spots.push({ key: "primary", rect: s, label, enabled: !disabled, run: onClick });
    add(
      canvasButton(scene, {
        x: s.x,
        y: s.y,
        w: s.w,
        h: s.h,
        label,
        onClick,
        ...(disabled ? { enabled: false, outline: true } : {}),
      }),
    );
  };
  const slotNote = (label: string, size: number) =>
    add(
      fit(
        text(scene, s.x, s.y + s.h / 2, label, { size, color: COLORS.textDim }).setOrigin(0, 0.5),
        s.w,
      ),
    );
  if (m.stage === "deciding") {
    slotButton(tr("board.submit"), p.handlers.submit);
    if (m.draftBy)
      add(
        text(scene, s.x, s.y - 18, tr("board.draftBy", { name: m.draftBy }), {
          size: 12,
          color: COLORS.textDim,
        }),
      );
  } else if (m.stage === "submitted") {
    slotButton(`✓ ${tr("board.submitted")}`, () => undefined, true);
    add(
      fit(
        text(scene, s.x, s.y + s.h + 4, waitingLine(p.language, p.view), {
          size: 12,
          color: COLORS.textDim,
        }),
        s.w,
      ),
    );
  } else if (m.stage === "briefing") {
    if (solo) slotButton(tr("fac.next.briefing"), p.handlers.next);
    else slotNote(tr("board.briefingWait"), 15);
  } else if (m.stage === "over") {
    slotButton(tr("board.toDebrief"), p.handlers.debrief);
  } else if (!m.team) {
    slotNote(tr("board.spectator"), 14);
  }
}
