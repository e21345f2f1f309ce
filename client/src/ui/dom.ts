/**
 * A tiny DOM builder. Text always goes in through textContent (never innerHTML), so a player
 * called "<img onerror=…>" is shown as exactly that.
 */
type Child = Node | string | null | undefined | false;

export interface Attrs {
  class?: string;
  id?: string;
  type?: string;
  value?: string;
  placeholder?: string;
  href?: string;
  target?: string;
  rel?: string;
  for?: string;
  name?: string;
  role?: string;
  title?: string;
  disabled?: boolean;
  checked?: boolean;
  selected?: boolean;
  autocomplete?: string;
  inputmode?: string;
  maxlength?: number;
  min?: number;
  max?: number;
  tabindex?: number;
  "aria-label"?: string;
  "aria-live"?: string;
  "aria-selected"?: string;
  "aria-pressed"?: string;
  "aria-invalid"?: string;
  "data-testid"?: string;
  style?: string;
  src?: string;
  alt?: string;
  download?: string;
  spellcheck?: string;
  autocapitalize?: string;
  scope?: string;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key === "value" && "value" in el) (el as HTMLInputElement).value = String(value);
    else if (key === "checked" && el instanceof HTMLInputElement) el.checked = Boolean(value);
    else if (key === "selected" && el instanceof HTMLOptionElement) el.selected = Boolean(value);
    // Through the CSSOM: the Content-Security-Policy (style-src 'self') blocks style attributes.
    else if (key === "style") el.style.cssText = String(value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function button(
  label: string,
  onClick: (event: MouseEvent) => void,
  attrs: Attrs = {},
): HTMLButtonElement {
  const b = h("button", { type: "button", ...attrs }, label);
  b.addEventListener("click", onClick);
  return b;
}

export function select<T extends string>(
  options: readonly { value: T; label: string }[],
  current: T,
  onChange: (value: T) => void,
  attrs: Attrs = {},
): HTMLSelectElement {
  const s = h(
    "select",
    attrs,
    ...options.map((o) => h("option", { value: o.value, selected: o.value === current }, o.label)),
  );
  s.addEventListener("change", () => onChange(s.value as T));
  return s;
}
