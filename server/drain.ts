/**
 * Draining: how a process leaves the cluster without losing a live workshop. From the first
 * moment (SIGTERM, or `app.drain()`), `/ready` answers 503 so the load balancer stops sending
 * newcomers, and new rooms are refused at the front door (`server.draining`); rooms already
 * here keep running. Then the hooks run, in the order they were added, each awaited (e.g.
 * flush the store, release ownership, close clients with a code that makes them rejoin
 * elsewhere), and only then does the process shut down. A hook that fails is logged and the
 * next one still runs: a half-drained process must still stop.
 */
export type DrainHook = () => Promise<void> | void;

export interface Drain {
  readonly draining: boolean;
  onDrain(hook: DrainHook): void;
  /** Idempotent: a second call returns the first call's promise. */
  drain(): Promise<void>;
}

export interface DrainSteps {
  /** Right after the flag is set (e.g. tell the other processes to send no new room here). */
  begin: () => Promise<void>;
  /** After every hook: shut the process's server down. */
  finish: () => Promise<void>;
  log?: (message: string, error?: unknown) => void;
}

export function createDrain(steps: DrainSteps): Drain {
  const log = steps.log ?? ((message, error) => console.error(message, error ?? ""));
  const hooks: DrainHook[] = [];
  let running: Promise<void> | null = null;

  const run = async () => {
    try {
      await steps.begin();
    } catch (error) {
      log("Drain: could not announce it to the other processes:", error);
    }
    for (const hook of hooks) {
      try {
        await hook();
      } catch (error) {
        log("Drain: a hook failed (going on with the next):", error);
      }
    }
    await steps.finish();
  };

  return {
    get draining() {
      return running !== null;
    },
    onDrain: (hook) => {
      hooks.push(hook);
    },
    drain: () => (running ??= run()),
  };
}
