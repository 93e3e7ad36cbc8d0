import { capList, excelAmount, rowHeight, wrappedLines } from './status-report-layout';

describe('status report layout rules', () => {
  it('prints a list up to its limit and counts the rest, never hiding a single line', () => {
    expect(capList([1, 2, 3], 5)).toEqual({ shown: [1, 2, 3], more: 0 });
    expect(capList([1, 2, 3, 4, 5, 6], 5)).toEqual({ shown: [1, 2, 3, 4, 5, 6], more: 0 });
    expect(capList([1, 2, 3, 4, 5, 6, 7], 5)).toEqual({ shown: [1, 2, 3, 4, 5], more: 2 });
    expect(capList([], 5)).toEqual({ shown: [], more: 0 });
  });

  it('counts the lines a text wraps to in a column width, with typed line breaks and over-long words', () => {
    expect(wrappedLines(null, 20)).toBe(1);
    expect(wrappedLines('short', 20)).toBe(1);
    // 20 units at 9 pt hold 25 characters a line.
    expect(wrappedLines('aaaa bbbb cccc dddd eeee', 20)).toBe(1);
    expect(wrappedLines('aaaa bbbb cccc dddd eeee ffff', 20)).toBe(2);
    expect(wrappedLines('one\ntwo\n\nfour', 20)).toBe(4);
    expect(wrappedLines('x'.repeat(60), 20)).toBe(3);
    expect(wrappedLines('a ' + 'x'.repeat(30), 20)).toBe(3);
    // A no-break space (Russian digit groups) does not break: the number moves to the next line whole.
    expect(wrappedLines(`${'x'.repeat(20)} 1 070 000,00 ${'y'.repeat(13)}`, 20)).toBe(2);
    expect(wrappedLines(`${'x'.repeat(20)} 1\u00a0070\u00a0000,00 ${'y'.repeat(13)}`, 20)).toBe(3);
  });

  it('gives a row room for its lines', () => {
    expect(rowHeight(1)).toBe(16);
    expect(rowHeight(3)).toBeGreaterThan(3 * 12);
  });

  it('writes an amount as a number only when a double keeps every cent', () => {
    expect(excelAmount('1070000.00')).toBe(1070000);
    expect(excelAmount('0.10')).toBe(0.1);
    expect(excelAmount('9999999999999.99')).toBe(9999999999999.99);
    expect(excelAmount('99999999999999.99')).toBeNull();
    expect(excelAmount(null)).toBeNull();
    expect(excelAmount('abc')).toBeNull();
  });
});
