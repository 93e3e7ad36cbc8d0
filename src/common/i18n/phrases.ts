import type { Locale } from './locale';

/**
 * Sentences the system writes (a rating's basis, a report line's detail) as a message key and
 * its parameters, rendered per locale by a phrasebook: the English rendering is what the API
 * shows, the others are what an export prints. A message is stored (a published report's
 * snapshot), so it is plain JSON, and a key's parameters only ever grow: a sentence that needs
 * different ones takes a new key. User text (names, titles, reasons) is a parameter, never
 * translated.
 */
export type ParamValue = string | number | boolean | null | readonly ParamValue[] | { readonly [key: string]: ParamValue };

export type Message = { readonly key: string; readonly params: { readonly [key: string]: ParamValue } };

/** One locale's sentences of an area: a function per key of the area's messages `M`. */
export type Phrasebook<M extends Message> = { readonly [K in M['key']]: (params: Extract<M, { key: K }>['params']) => string };

/** An area's sentences in every locale: the compiler checks that each locale has every key. */
export type Phrasebooks<M extends Message> = Record<Locale, Phrasebook<M>>;

/** Renders the area's messages. */
export function renderer<M extends Message>(books: Phrasebooks<M>): (message: M, locale: Locale) => string {
  return (message, locale) => (books[locale][message.key as M['key']] as (params: M['params']) => string)(message.params);
}

/** Whether a stored value is a message whose key the phrasebooks know (a snapshot may predate a key, or hold none). */
export function isMessageOf<M extends Message>(books: Phrasebooks<M>, value: unknown): value is M {
  if (!value || typeof value !== 'object') return false;
  const { key, params } = value as { key?: unknown; params?: unknown };
  return typeof key === 'string' && Object.hasOwn(books.en, key) && !!params && typeof params === 'object';
}

/**
 * Russian plural: the form for `n` of one (1, 21, 101), few (2–4, 22–24) and many (0, 5–20, 25):
 * 1 критерий, 2 критерия, 5 критериев.
 */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const tens = Math.abs(n) % 100;
  const units = tens % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  return units >= 2 && units <= 4 ? few : many;
}

/** English plural: one or other. */
export const pluralEn = (n: number, one: string, other: string): string => (n === 1 ? one : other);

/** User text quoted as the locale quotes: "…", «…», “…”. */
export function quote(text: string, locale: Locale): string {
  if (locale === 'ru') return `«${text}»`;
  if (locale === 'id') return `“${text}”`;
  return `"${text}"`;
}

/** The first few of a list of user texts, each shortened, and how many more there are. */
export type QuotedList = { readonly items: readonly string[]; readonly more: number };

/** Up to `max` texts, each cut to `length` characters (with "…"), and the count of the rest. */
export function quotedList(texts: readonly string[], max = 3, length = 60): QuotedList {
  return {
    items: texts.slice(0, max).map((t) => (t.length > length ? `${t.slice(0, length - 3)}…` : t)),
    more: Math.max(0, texts.length - max),
  };
}

const AND_MORE: Record<Locale, (n: number) => string> = {
  en: (n) => ` and ${n} more`,
  ru: (n) => ` и ещё ${n}`,
  id: (n) => ` dan ${n} lagi`,
};

/** `"a", "b", "c" and 2 more`, `«a», «b», «c» и ещё 2`, `“a”, “b”, “c” dan 2 lagi`. */
export function quotedListText(list: QuotedList, locale: Locale): string {
  return list.items.map((t) => quote(t, locale)).join(', ') + (list.more > 0 ? AND_MORE[locale](list.more) : '');
}
