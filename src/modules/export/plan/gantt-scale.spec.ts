import { ganttScale } from './gantt-scale';

describe('Gantt scale', () => {
  it('draws up to two years in weeks from the Monday of the first week', () => {
    const scale = ganttScale('2026-03-04', '2026-03-30');
    expect(scale.unit).toBe('week');
    expect(scale.startOf(0)).toBe('2026-03-02');
    expect(scale.columns).toBe(5);
    expect(scale.indexOf('2026-03-08')).toBe(0);
    expect(scale.indexOf('2026-03-09')).toBe(1);
    expect(scale.indexOf('2026-03-30')).toBe(4);
  });

  it('draws a longer plan in months', () => {
    const scale = ganttScale('2026-03-04', '2028-06-01');
    expect(scale.unit).toBe('month');
    expect(scale.columns).toBe(28);
    expect(scale.startOf(0)).toBe('2026-03-01');
    expect(scale.startOf(10)).toBe('2027-01-01');
    expect(scale.indexOf('2027-01-15')).toBe(10);
  });
});
