/** How much a client may send in one value: the bounds every input field and argument keeps. */
export const INPUT_LIMITS = {
  /** Names, titles, codes and keys. */
  maxNameLength: 200,
  /** Criterion texts, comments, reasons, gate conditions. */
  maxTextLength: 10_000,
  /** IDs, dates and other short tokens (a UUID is 36 characters). */
  maxTokenLength: 100,
  /** Items of any list argument, e.g. the ids of a batch invitation. */
  maxListItems: 1_000,
  /** Passwords: at least 8 characters, at most 200 (the work of hashing stays bounded). */
  minPasswordLength: 8,
  maxPasswordLength: 200,
  /** Characters of a client's value an error message repeats back. */
  maxEchoLength: 100,
} as const;

/** A client's value as an error message may quote it: at most `maxEchoLength` characters. */
export function echo(value: unknown): string {
  const text = String(value);
  return text.length > INPUT_LIMITS.maxEchoLength ? `${text.slice(0, INPUT_LIMITS.maxEchoLength)}…` : text;
}
