/**
 * Translation: a typed t(), the current language, and who to tell when it changes.
 * French by default; English when the browser prefers it over French; the player's explicit
 * choice (remembered) beats both.
 */
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGES,
  type Language,
} from "../../../shared/protocol/constants";
import type { Localized } from "../../../shared/model/events";
import { fr } from "./fr";
import { en } from "./en";

export type MessageKey = keyof typeof fr;
export type Params = Readonly<Record<string, string | number>>;

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { fr, en };
export const LANGUAGE_LIST: readonly Language[] = LANGUAGES;
export { isLanguage };

/** The browser's preference: the first of its languages that we speak, French otherwise. */
export function preferredLanguage(browserLanguages: readonly string[]): Language {
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

/** Fills {name} placeholders; unknown placeholders stay visible so a missing param is noticed. */
export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translate(language: Language, key: MessageKey, params?: Params): string {
  return format(MESSAGES[language][key], params);
}

/**
 * Messages that agree with a number come as `base.one`, `base.other` (and any other CLDR
 * category a language needs, e.g. `base.few`); `other` is required and is the fallback.
 */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}.other` ? B : never;
}[MessageKey];

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * Picks the form for `count` as it is printed with `digits` decimals ("0,6 jeton", "1,0 token"
 * reads "1.0 tokens" in English), then fills the placeholders.
 */
export function translatePlural(
  language: Language,
  base: PluralBase,
  count: number,
  params?: Params,
  digits = 0,
): string {
  const id = `${language}:${digits}`;
  let rules = pluralRules.get(id);
  if (!rules) {
    rules = new Intl.PluralRules(language, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    pluralRules.set(id, rules);
  }
  const key = `${base}.${rules.select(count)}`;
  return translate(language, hasKey(key) ? key : `${base}.other`, params);
}

/** A list of names as the language says it: "A, B et C" / "A, B and C". */
export function listOf(language: Language, items: readonly string[]): string {
  return new Intl.ListFormat(language, { style: "long", type: "conjunction" }).format(items);
}

let current: Language = "fr";
const listeners = new Set<(language: Language) => void>();

export function getLanguage(): Language {
  return current;
}

export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  if (typeof document !== "undefined") document.documentElement.lang = language;
  for (const listener of listeners) listener(language);
}

/** Returns an unsubscribe function. */
export function onLanguageChange(listener: (language: Language) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function t(key: MessageKey, params?: Params): string {
  return translate(current, key, params);
}

export function tp(base: PluralBase, count: number, params?: Params, digits = 0): string {
  return translatePlural(current, base, count, params, digits);
}

/** Content shipped in both languages by shared/ (scenarios, event cards). */
export function pick(text: Localized): string {
  return text[current];
}

/** Message keys built from ids (levers, causes, errors) are checked here, once. */
export function hasKey(key: string): key is MessageKey {
  return key in fr;
}
