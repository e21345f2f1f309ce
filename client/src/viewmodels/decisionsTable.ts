/**
 * The revealed decisions of every team for one quarter, as a table: a row per team, a column per
 * bucket, the tokens in each cell. The header is what must fit: the buckets' short names where
 * every one fits its column with a gap to spare, otherwise the lever icons the tiles use (a
 * 390 px phone has ~30 px a column). The caller measures text; the choice is made here.
 */
import { BUCKET_IDS, type BucketId } from "../../../shared/model/levers";
import type { Language } from "../../../shared/protocol/messages";
import type { TeamView } from "../../../shared/protocol/view";
import { translate } from "../i18n/index";

export interface DecisionsColumn {
  id: BucketId;
  label: string;
}

export interface DecisionsRow {
  teamId: string;
  name: string;
  colorIndex: number;
  mine: boolean;
  tokens: Record<BucketId, number>;
  total: number;
}

export interface DecisionsTableModel {
  title: string;
  /** The quarter the decisions were played in (1-based). */
  quarter: number;
  columns: DecisionsColumn[];
  rows: DecisionsRow[];
  /** Short names when they all fit, lever icons otherwise. */
  header: "labels" | "icons";
  /** Widths, in the caller's units: the team names, each bucket, the total. */
  nameW: number;
  colW: number;
  totalW: number;
}

/** The total column's header: a sign every language reads. */
export const TOTAL_HEADER = "Σ";

/** Space kept between two header labels, so they never touch. */
export const HEADER_GAP = 6;

/**
 * The table of `quarter`'s decisions (the last revealed one by default), `width` wide, with
 * header labels of `fontSize` measured by `measure`. Null before any quarter is revealed.
 */
export function decisionsTable(
  language: Language,
  teams: readonly TeamView[],
  myTeamId: string | null,
  width: number,
  measure: (text: string) => number,
  quarter?: number,
): DecisionsTableModel | null {
  const q = quarter ?? Math.max(0, ...teams.map((t) => t.history.length));
  if (q < 1) return null;
  const rows: DecisionsRow[] = [];
  teams.forEach((team, i) => {
    const played = team.history[q - 1];
    if (!played) return;
    const tokens = { ...played.allocation };
    rows.push({
      teamId: team.id,
      name: team.name,
      colorIndex: i,
      mine: team.id === myTeamId,
      tokens,
      total: BUCKET_IDS.reduce((n, id) => n + tokens[id], 0),
    });
  });
  if (rows.length === 0) return null;
  const columns = BUCKET_IDS.map((id) => ({
    id,
    label: translate(language, `lever.${id}.short`),
  }));
  const totalW = Math.max(measure(TOTAL_HEADER), measure("00")) + 8;
  // Names get about a quarter of the width (at least enough for a few letters).
  const nameW = Math.max(72, Math.min(220, width * 0.26));
  const colW = Math.max(1, (width - nameW - totalW) / columns.length);
  const fits = columns.every((c) => measure(c.label) + HEADER_GAP <= colW);
  return {
    title: translate(language, "decisions.title", { q }),
    quarter: q,
    columns,
    rows,
    header: fits ? "labels" : "icons",
    nameW,
    colW,
    totalW,
  };
}
