import { wrappedRowHeight } from './row-height';

describe('wrapped row height', () => {
  it('keeps one line at the minimum and grows with the longest wrapped text and its line breaks', () => {
    expect(wrappedRowHeight([{ text: 'Short', width: 20 }])).toBe(15);
    expect(wrappedRowHeight([{ text: null, width: 5 }])).toBe(15);
    const one = wrappedRowHeight([{ text: 'x'.repeat(20), width: 20 }]);
    const three = wrappedRowHeight([{ text: 'x'.repeat(60), width: 20 }, { text: 'y', width: 10 }]);
    expect(three).toBeGreaterThan(one);
    expect(wrappedRowHeight([{ text: 'a\nb\nc\nd', width: 40 }])).toBe(4 * 13 + 2);
  });
});
