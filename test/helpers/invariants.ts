/**
 * Invariants that hold after every quarter, for every team. Checked after each step in the
 * tests, like assertions in a rollback engine: a failure names the team, quarter and rule.
 */
import {
  BUCKET_IDS,
  STOCK_IDS,
  allocationTotal,
  type GameState,
  type GaugeExplanation,
} from "../../shared/index";

function sumParts(e: GaugeExplanation): number {
  return e.parts.reduce((s, p) => s + p.value, 0);
}

export function invariantViolations(game: GameState): string[] {
  const out: string[] = [];
  for (const id of game.teamIds) {
    const team = game.teams[id];
    const history = game.history[id] ?? [];
    if (!team) {
      out.push(`${id}: missing team state`);
      continue;
    }
    if (history.length !== game.turn)
      out.push(`${id}: history has ${history.length} quarters, turn is ${game.turn}`);
    for (const stock of STOCK_IDS) {
      const v = team[stock];
      if (!Number.isFinite(v)) out.push(`${id}: ${stock} is ${v}`);
      else if (stock === "Z" ? v < 0 : v < 0 || v > 1)
        out.push(`${id}: ${stock}=${v} out of bounds`);
    }
    for (const record of history) {
      const at = `${id} q${record.turn}`;
      // Budget conserved: what was decided is what was spent, pressure only moves tokens.
      const decided = allocationTotal(record.allocation);
      const spent = allocationTotal(record.effective);
      if (decided > record.budget) out.push(`${at}: decided ${decided} > budget ${record.budget}`);
      if (Math.abs(decided - spent) > 1e-9)
        out.push(`${at}: decided ${decided} but spent ${spent}`);
      for (const b of BUCKET_IDS) {
        if (record.effective[b] < -1e-12) out.push(`${at}: negative effective ${b}`);
      }
      for (const [gauge, e] of Object.entries(record.explain)) {
        const delta = e.after - e.before;
        const sum = sumParts(e);
        if (!(Math.abs(sum - delta) <= 1e-9))
          out.push(`${at}: ${gauge} parts sum ${sum} ≠ delta ${delta}`);
        for (const p of e.parts)
          if (!Number.isFinite(p.value)) out.push(`${at}: ${gauge}.${p.cause} is ${p.value}`);
      }
      for (const [name, v] of Object.entries(record.outputs)) {
        if (!Number.isFinite(v)) out.push(`${at}: output ${name} is ${v}`);
      }
      if (record.outputs.engagement < 0 || record.outputs.engagement > 2)
        out.push(`${at}: engagement out of range`);
      if (record.outputs.reach < 0) out.push(`${at}: negative reach`);
    }
    const last = history[history.length - 1];
    if (last) {
      if (Math.abs(last.explain.engagement.after - last.outputs.engagement) > 1e-12)
        out.push(`${id}: engagement explanation ends elsewhere`);
      if (Math.abs(last.explain.trust.after - last.outputs.trust) > 1e-12)
        out.push(`${id}: trust explanation ends elsewhere`);
    }
  }
  return out;
}
