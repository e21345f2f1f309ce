/** A minimal typed event emitter: scenes subscribe, and unsubscribe when they shut down. */
type Listener = (...args: never[]) => void;

export class Emitter<Events extends Record<string, unknown[]>> {
  private readonly map = new Map<keyof Events, Set<Listener>>();

  on<K extends keyof Events>(event: K, listener: (...args: Events[K]) => void): () => void {
    let set = this.map.get(event);
    if (!set) {
      set = new Set();
      this.map.set(event, set);
    }
    const stored = listener as unknown as Listener;
    set.add(stored);
    return () => set.delete(stored);
  }

  emit<K extends keyof Events>(event: K, ...args: Events[K]): void {
    for (const l of this.map.get(event) ?? []) (l as unknown as (...a: Events[K]) => void)(...args);
  }
}
