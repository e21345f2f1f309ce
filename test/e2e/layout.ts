/**
 * The layout audit: no clipped text on a screen. Canvas texts (through the test hooks) must lie
 * inside the window, below the top bar, and never overlap one another; DOM text must not overflow
 * the box that clips it nor leave the window. Each finding names the text, so a failure says what
 * to fix.
 */
import type { Page } from "playwright-core";
import type { CanvasText } from "../../client/src/testHooks";

/** Pixels of tolerance: anti-aliasing and sub-pixel layout, not a clipped letter. */
const SLACK = 1.5;

export interface LayoutFinding {
  kind: "canvas-outside" | "canvas-under-topbar" | "canvas-overlap" | "dom-clipped" | "dom-outside";
  text: string;
  detail: string;
}

function overlap(a: CanvasText, b: CanvasText): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > SLACK && h > SLACK ? w * h : 0;
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s).replace(/\n/g, " ⏎ ");

/** What the canvas shows, checked against the window and the top bar. */
export function auditCanvas(
  texts: readonly CanvasText[],
  window: { width: number; height: number; top: number },
): LayoutFinding[] {
  const out: LayoutFinding[] = [];
  for (const t of texts) {
    const box = `${t.x.toFixed(0)},${t.y.toFixed(0)} ${t.w.toFixed(0)}×${t.h.toFixed(0)}`;
    if (
      t.x < -SLACK ||
      t.x + t.w > window.width + SLACK ||
      t.y + t.h > window.height + SLACK ||
      t.y < -SLACK
    ) {
      out.push({ kind: "canvas-outside", text: short(t.text), detail: `${t.scene} ${box}` });
    } else if (t.y < window.top - SLACK) {
      out.push({ kind: "canvas-under-topbar", text: short(t.text), detail: `${t.scene} ${box}` });
    }
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i] as CanvasText;
      const b = texts[j] as CanvasText;
      if (a.scene === b.scene && overlap(a, b) > 0) {
        out.push({
          kind: "canvas-overlap",
          text: short(a.text),
          detail: `overlaps "${short(b.text)}" (${a.scene})`,
        });
      }
    }
  }
  return out;
}

/** Runs in the page: DOM text that overflows the box clipping it, or leaves the window. */
function domFindings(): { kind: "dom-clipped" | "dom-outside"; text: string; detail: string }[] {
  const out: { kind: "dom-clipped" | "dom-outside"; text: string; detail: string }[] = [];
  const visible = (el: Element) => {
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  // Inside a scroller the text is reachable by scrolling: only the scroller's own box counts.
  const scroller = (el: Element): Element | null => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (/(auto|scroll)/.test(s.overflowX + s.overflowY)) return p;
    }
    return null;
  };
  const srOnly = (el: Element) => {
    for (let p: Element | null = el; p; p = p.parentElement) {
      const r = p.getBoundingClientRect();
      if (r.width <= 1 && r.height <= 1) return true;
    }
    return false;
  };
  for (const el of Array.from(document.querySelectorAll("body *"))) {
    const own = Array.from(el.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? "")
      .join("")
      .trim();
    if (!own || !visible(el) || srOnly(el) || el.closest("svg, option, script, style")) continue;
    const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(" ")[0]}` : ""}`;
    const style = getComputedStyle(el);
    const clips = style.overflowX !== "visible" || style.overflowY !== "visible";
    if (clips && style.textOverflow !== "ellipsis") {
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 2) {
        out.push({
          kind: "dom-clipped",
          text: own.slice(0, 40),
          detail: `${name} ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
        });
        continue;
      }
    }
    const r = el.getBoundingClientRect();
    const box = scroller(el)?.getBoundingClientRect() ?? {
      left: 0,
      top: 0,
      right: window.innerWidth,
      bottom: window.innerHeight,
    };
    if (r.left < box.left - 1.5 || r.right > box.right + 1.5) {
      out.push({
        kind: "dom-outside",
        text: own.slice(0, 40),
        detail: `${name} x ${r.left.toFixed(0)}–${r.right.toFixed(0)} outside ${box.left.toFixed(0)}–${box.right.toFixed(0)}`,
      });
    }
  }
  return out;
}

/** Every finding on the page as it stands. */
export async function auditLayout(page: Page): Promise<LayoutFinding[]> {
  const { texts, size } = await page.evaluate(() => ({
    texts: window.__elan?.texts() ?? [],
    size: {
      width: window.innerWidth,
      height: window.innerHeight,
      top: document.querySelector(".topbar")?.getBoundingClientRect().bottom ?? 0,
    },
  }));
  const dom = await page.evaluate(domFindings);
  return [...auditCanvas(texts, size), ...dom];
}
