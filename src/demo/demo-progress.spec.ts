import { shareDone } from './demo-progress';

/** REPORTING.md: work in progress has max(1, ⌈d × (100 − %) / 100⌉) working days left. */
const remaining = (duration: number, percent: number) => Math.max(1, Math.ceil((duration * (100 - percent)) / 100));

describe('shareDone', () => {
  it('reports a multiple of 5 where one leaves exactly the working days left', () => {
    expect(shareDone(5, 6)).toBe(85);
    expect(shareDone(1, 2)).toBe(50);
    expect(shareDone(3, 10)).toBe(30);
  });

  it('falls back to the exact share rounded up where no multiple of 5 fits', () => {
    // 29 of 30 days: 100 % is not "under way", 95 % would leave 2 days.
    expect(shareDone(29, 30)).toBe(97);
  });

  it('always leaves exactly the working days left, below 100 % (every duration up to 60 days)', () => {
    for (let duration = 2; duration <= 60; duration++) {
      for (let done = 1; done < duration; done++) {
        const percent = shareDone(done, duration);
        expect({ duration, done, percent, left: remaining(duration, percent) }).toEqual({ duration, done, percent, left: duration - done });
        expect(percent).toBeLessThan(100);
      }
    }
  });
});
