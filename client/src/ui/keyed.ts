/**
 * Replaces a container's children by key, except a child the user is typing in or choosing
 * from: a live update must never steal the facilitator's focus mid-rename.
 */
export function replaceKeyed(
  container: HTMLElement,
  items: readonly { key: string; node: HTMLElement }[],
): void {
  // Only fields being typed in or chosen from are kept; a clicked button must show its new state.
  const focused = document.activeElement;
  const active = focused && /^(INPUT|SELECT|TEXTAREA)$/.test(focused.tagName) ? focused : null;
  const old = new Map<string, HTMLElement>();
  for (const child of Array.from(container.children)) {
    const key = (child as HTMLElement).dataset.key;
    if (key) old.set(key, child as HTMLElement);
  }
  const next = items.map(({ key, node }) => {
    const previous = old.get(key);
    if (previous && active && previous.contains(active)) return previous;
    node.dataset.key = key;
    return node;
  });
  container.replaceChildren(...next);
}
