/** Data tables for screen readers: what a canvas chart shows, with real headers. */
import type { ChartTable } from "../viewmodels/chartText";
import { h } from "./dom";

/** A table with a caption, one header row and body rows; the first cell of a row heads it. */
export function dataTable(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly string[])[],
): HTMLTableElement {
  return h(
    "table",
    {},
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, ...head.map((c) => h("th", { scope: "col" }, c)))),
    h(
      "tbody",
      {},
      ...rows.map((row) =>
        h(
          "tr",
          {},
          ...row.map((c, i) => (i === 0 ? h("th", { scope: "row" }, c) : h("td", {}, c))),
        ),
      ),
    ),
  );
}

/** The debrief's chart tables (viewmodels/chartText.ts) in one visually hidden section. */
export function chartTables(el: HTMLElement, label: string, tables: readonly ChartTable[]): void {
  el.setAttribute("aria-label", label);
  el.replaceChildren(...tables.map((t) => dataTable(t.caption, t.head, t.rows)));
}
