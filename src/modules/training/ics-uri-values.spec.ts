import ical from 'ical-generator';
import { fold, restoreUriValues } from './ics-uri-values';

const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describe('URI values in the iCalendar feed', () => {
  const link = 'https://meet.example.com/j/123?pwd=a,b;c&x=1&room=' + 'long-room-name-'.repeat(6);
  const calendar = ical({ name: 'x' });
  calendar.createEvent({ id: 'e1@x', start: new Date('2027-01-15T07:00:00Z'), end: new Date('2027-01-15T08:00:00Z'), summary: 'Orders, returns; and credit notes', url: link });
  const raw = calendar.toString();
  const fixed = restoreUriValues(raw);

  it('carries meeting links unescaped, as RFC 5545 wants URI values', () => {
    expect(unfold(raw)).toContain('pwd=a\\,b\\;c'); // what the library writes
    expect(unfold(fixed)).toContain(`\r\nURL;VALUE=URI:${link}\r\n`);
  });

  it('leaves TEXT values escaped and every other line as it was', () => {
    expect(unfold(fixed)).toContain('SUMMARY:Orders\\, returns\\; and credit notes');
    const withoutUrl = (text: string) => unfold(text).split('\r\n').filter((l) => !l.startsWith('URL')).join('\r\n');
    expect(withoutUrl(fixed)).toBe(withoutUrl(raw));
  });

  it('keeps lines to 75 octets without splitting a character', () => {
    for (const line of fixed.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const folded = fold(`URL:https://example.com/${'ж'.repeat(80)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(`URL:https://example.com/${'ж'.repeat(80)}`);
    expect(folded.split('\r\n').slice(1).every((l) => l.startsWith(' '))).toBe(true);
  });
});
