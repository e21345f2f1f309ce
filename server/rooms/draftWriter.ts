/**
 * Draft edits reach teammates at once, but the log keeps at most one draft per team per short
 * window: the first edit after a quiet spell is written straight away, later ones within the
 * window are folded into one entry written when it closes (the team's draft as it then stands).
 * So a team clicking as fast as it can writes at most one row per window (20 a second with the
 * room's 50 ms), not one per click, and an edit is still acknowledged only once an entry
 * holding it is durable.
 *
 * Log order stays true: the room flushes every pending draft before it logs any other action,
 * so a replay sees each draft before whatever followed it.
 */
export interface DraftWriterOptions {
  windowMs: number;
  now: () => number;
  /** Runs `fn` after `ms` (a timer of its own: the room clock ticks only with the patches); returns a way to cancel it. */
  schedule: (fn: () => void, ms: number) => { clear(): void };
  /** Logs the team's current draft; resolves to the entry's sequence number once durable. */
  write: (teamId: string) => Promise<number>;
}

interface Waiting {
  promise: Promise<number>;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
  timer: { clear(): void };
}

interface TeamDrafts {
  lastWrite: number;
  waiting: Waiting | null;
}

export class DraftWriter {
  private readonly teams = new Map<string, TeamDrafts>();

  constructor(private readonly options: DraftWriterOptions) {}

  /** A team's draft changed: resolves once an entry holding this edit is durable. */
  edited(teamId: string): Promise<number> {
    const { windowMs, now } = this.options;
    let team = this.teams.get(teamId);
    if (!team) {
      team = { lastWrite: -Infinity, waiting: null };
      this.teams.set(teamId, team);
    }
    if (team.waiting) return team.waiting.promise;
    const at = now();
    if (at - team.lastWrite >= windowMs) {
      team.lastWrite = at;
      return this.options.write(teamId);
    }
    let resolve: Waiting["resolve"] = () => {};
    let reject: Waiting["reject"] = () => {};
    const promise = new Promise<number>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const delay = team.lastWrite + windowMs - at;
    const timer = this.options.schedule(() => this.flush(teamId), delay);
    team.waiting = { promise, resolve, reject, timer };
    return promise;
  }

  /** Writes the team's pending draft now, if it has one. */
  flush(teamId: string): void {
    const team = this.teams.get(teamId);
    const waiting = team?.waiting;
    if (!team || !waiting) return;
    team.waiting = null;
    waiting.timer.clear();
    team.lastWrite = this.options.now();
    this.options.write(teamId).then(waiting.resolve, waiting.reject);
  }

  /** Before any other action is logged. */
  flushAll(): void {
    for (const [teamId, team] of this.teams) if (team.waiting) this.flush(teamId);
  }

  hasPending(): boolean {
    for (const team of this.teams.values()) if (team.waiting) return true;
    return false;
  }

  /** The room threw its state away (rebuilt from the log): pending edits are refused. */
  cancelAll(error: Error): void {
    for (const team of this.teams.values()) {
      const waiting = team.waiting;
      if (!waiting) continue;
      team.waiting = null;
      waiting.timer.clear();
      waiting.reject(error);
    }
  }
}
