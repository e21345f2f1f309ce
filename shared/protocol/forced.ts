/**
 * Tokens that pressure moved from the levers into campaigns. The model's number is fractional
 * (`TurnResultView.forced`, never rounded on the wire); people read it to a tenth of a token, and
 * every place that shows it — the board's why-panel, the solo coach, the debrief, the CSV and
 * JSON exports — shows this one number. A positive amount never reads as 0: pressure that moved
 * anything is always said (and its campaigns then appear among the reasons).
 */
export const FORCED_STEP = 0.1;

export function forcedTokens(forced: number): number {
  if (!(forced > 0)) return 0;
  return Math.max(FORCED_STEP, Math.round(forced * 10) / 10);
}
