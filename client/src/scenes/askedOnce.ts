/**
 * An answer the server gives for one room and quarter (the attribution, every team's reasons,
 * the replay log), asked for once per key: a new key forgets the old answer and asks again, an
 * answer for a key no longer current is dropped, and a failure is asked again at the next key
 * check (the next redraw) instead of leaving the screen without it.
 */
export class AskedOnce<T> {
  value: T | null = null;
  private key = "";

  /** Asks unless `key` was already asked; `landed` runs when the current key's answer arrives. */
  ask(key: string, fetch: () => Promise<T>, landed: () => void): void {
    if (key === this.key) return;
    this.key = key;
    this.value = null;
    fetch().then(
      (value) => {
        if (this.key !== key) return;
        this.value = value;
        landed();
      },
      () => {
        if (this.key === key) this.key = "";
      },
    );
  }
}
