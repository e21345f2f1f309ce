/**
 * Prints a debrief: the document built into the page (HTML + inline SVG, hidden on screen),
 * the page's title set to the file name the PDF should get, then the browser's print dialog,
 * where "Save as PDF" makes the file. Loaded on demand (index.ts): a participant's first visit
 * never carries it.
 */
import { translate } from "../i18n/index";
import { buildPrintDoc } from "./model";
import { renderPrintDoc } from "./render";
import { sourceFromExport, type PrintScope, type PrintSource } from "./source";
import "../styles/print.css";
import type { Language } from "../../../shared/protocol/messages";

const PRINTING = "elan-printing";
let restore: (() => void) | null = null;

/** Puts the document into the page, ready for print; returns how to take it away again. */
export function mountPrintDoc(source: PrintSource, scope: PrintScope): () => void {
  restore?.();
  const built = buildPrintDoc(source, scope);
  if (!built.ok) throw new Error(translate(source.language, "print.bad", { reason: built.reason }));
  const node = renderPrintDoc(built.doc);
  node.lang = built.doc.language;
  const title = document.title;
  document.body.append(node);
  document.body.classList.add(PRINTING);
  document.title = built.doc.fileTitle;
  const undo = () => {
    node.remove();
    document.body.classList.remove(PRINTING);
    document.title = title;
    window.removeEventListener("afterprint", undo);
    if (restore === undo) restore = null;
  };
  restore = undo;
  window.addEventListener("afterprint", undo);
  return undo;
}

export function printDebrief(source: PrintSource, scope: PrintScope): void {
  mountPrintDoc(source, scope);
  window.print();
}

/** The same, from a workshop's JSON export (the facilitator's list of past workshops). */
export function printExport(json: unknown, scope: PrintScope, language: Language): void {
  const source = sourceFromExport(json, language, Date.now());
  if (!source.ok) throw new Error(translate(language, "print.bad", { reason: source.reason }));
  printDebrief(source.source, scope);
}
