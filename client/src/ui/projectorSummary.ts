/**
 * The projector's text alternative: what its canvas shows (viewmodels/projectorText.ts) as
 * headings, paragraphs and data tables in one visually hidden region, rebuilt on every redraw,
 * so a screen reader follows the screen the facilitator puts up.
 */
import type { SaidBlock } from "../viewmodels/projectorText";
import { dataTable } from "./dataTable";
import { h } from "./dom";

export class ProjectorSummary {
  readonly el = h("section", { class: "sr-only", "data-testid": "projector-text" });

  update(label: string, blocks: readonly SaidBlock[]): void {
    this.el.setAttribute("aria-label", label);
    this.el.replaceChildren(
      ...blocks.map((block) => {
        switch (block.kind) {
          case "heading":
            return h("h2", {}, block.text);
          case "text":
            return h("p", {}, block.text);
          case "table":
            return dataTable(block.table.caption, block.table.head, block.table.rows);
        }
      }),
    );
  }
}
