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

export function workshopDownloads(origin: string, code: string): WorkshopDownload[] {
  const base = `${origin}/api/workshops/${encodeURIComponent(code)}/export`;
  return [
    { id: "csv", label: "fac.exportCsv", url: `${base}?format=csv`, fileName: `elan-${code}.csv` },
    {
      id: "csv-fr",
      label: "fac.exportCsvFr",
      url: `${base}?format=csv-fr`,
      fileName: `elan-${code}-fr.csv`,
    },
    {
      id: "json",
      label: "fac.exportJson",
      url: `${base}?format=json`,
      fileName: `elan-${code}.json`,
    },
  ];
}
