/**
 * The files a facilitator can download for a workshop, listed once: the console's export card
 * and "Mes ateliers" both render this list, so a new format (PDF, a spreadsheet-friendly CSV)
 * is added here and shows up in both. Every URL is fetched with the token in a header
 * (net/download.ts), never with it in the URL.
 */
import type { MessageKey } from "../i18n/index";

export interface WorkshopDownload {
  /** Stable id for tests and keys (`export-<id>`). */
  id: string;
  label: MessageKey;
  url: string;
  /** Used when the server names no file. */
  fileName: string;
}

export type ExportFormat = "csv" | "csv-fr" | "json";

export function exportUrl(origin: string, code: string, format: ExportFormat): string {
  return `${origin}/api/workshops/${encodeURIComponent(code)}/export?format=${format}`;
}

export function workshopDownloads(origin: string, code: string): WorkshopDownload[] {
  const url = (format: ExportFormat) => exportUrl(origin, code, format);
  return [
    { id: "csv", label: "fac.exportCsv", url: url("csv"), fileName: `elan-${code}.csv` },
    { id: "csv-fr", label: "fac.exportCsvFr", url: url("csv-fr"), fileName: `elan-${code}-fr.csv` },
    { id: "json", label: "fac.exportJson", url: url("json"), fileName: `elan-${code}.json` },
  ];
}
