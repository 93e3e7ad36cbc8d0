/**
 * ical-generator (10.x, as 11.x) escapes URL values as if they were TEXT ("a\,b\;c"), which RFC 5545
 * (3.3.13) forbids for URI values: strict calendar apps then open a broken meeting link. This
 * undoes that escaping on URL lines only, unfolding and folding them again (3.1: at most 75
 * octets per line, continuation lines start with one space).
 */
const LINE_BREAK = '\r\n';
const MAX_OCTETS = 75;
const URI_PROPERTY = /^URL[;:]/;

export function restoreUriValues(calendar: string): string {
  // Logical lines, each with its folds: a break not followed by a space or tab ends one.
  return calendar
    .split(/\r\n(?![ \t])/)
    .map((folded) => {
      const line = folded.replace(/\r\n[ \t]/g, '');
      return URI_PROPERTY.test(line) ? fold(unescapeText(line)) : folded;
    })
    .join(LINE_BREAK);
}

const unescapeText = (line: string): string => {
  const split = line.indexOf(':');
  return line.slice(0, split + 1) + line.slice(split + 1).replace(/\\([\\;,])/g, '$1');
};

/** Folds at 75 octets without splitting a UTF-8 character. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${LINE_BREAK} `);
}
