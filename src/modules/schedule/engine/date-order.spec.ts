import { compareInDateOrder, inDateOrder, isInDateOrder } from './date-order';

const work = (name: string, start: string, finish: string) => ({ name, start, finish });

describe('date order', () => {
  it('orders by start, then finish, then name as a person reads it', () => {
    const ordered = inDateOrder([
      work('b', '2026-03-02', '2026-03-06'), work('late', '2026-03-09', '2026-03-09'), work('Ä', '2026-03-02', '2026-03-06'),
      work('short', '2026-03-02', '2026-03-03'), work('a', '2026-03-02', '2026-03-06'),
    ]);
    expect(ordered.map((w) => w.name)).toEqual(['short', 'a', 'Ä', 'b', 'late']);
    expect(isInDateOrder(ordered)).toBe(true);
    expect(isInDateOrder([ordered[1], ordered[0]])).toBe(false);
    expect(isInDateOrder([])).toBe(true);
  });

  it('compares names as String.prototype.localeCompare does', () => {
    const names = ['Zeta', 'alpha', 'Éclair', 'eclair', 'Ёлка', 'ель', '10 tasks', '9 tasks'];
    for (const a of names) for (const b of names) {
      expect(Math.sign(compareInDateOrder(work(a, '2026-01-01', '2026-01-01'), work(b, '2026-01-01', '2026-01-01')))).toBe(Math.sign(a.localeCompare(b)));
    }
  });
});
