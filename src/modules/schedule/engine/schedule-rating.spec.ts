import { rateSchedule, slipWords, toleranceBand } from './schedule-rating';

const base = { toleranceDays: 10, forecastFinish: '2026-09-14', baselineFinish: '2026-09-03', finishVarianceDays: 7, milestones: [] };

describe('toleranceBand', () => {
  it.each([
    [-3, 'GREEN'], [0, 'GREEN'], [5, 'GREEN'], [6, 'AMBER'], [10, 'AMBER'], [11, 'RED'],
  ])('measured %i against tolerance 10 is %s', (measured, rating) => {
    expect(toleranceBand(measured, 10)).toBe(rating);
  });

  it('half of an odd tolerance is not rounded: 2.5 of 5 allows 2 GREEN, 3 AMBER', () => {
    expect(toleranceBand(2, 5)).toBe('GREEN');
    expect(toleranceBand(3, 5)).toBe('AMBER');
    expect(toleranceBand(5, 5)).toBe('AMBER');
    expect(toleranceBand(6, 5)).toBe('RED');
  });

  it('a zero tolerance is GREEN only on or before the baseline', () => {
    expect(toleranceBand(0, 0)).toBe('GREEN');
    expect(toleranceBand(1, 0)).toBe('RED');
  });
});

describe('rateSchedule', () => {
  it('without a baseline is AMBER with the basis "no baseline"', () => {
    const r = rateSchedule({ ...base, baselineFinish: null, finishVarianceDays: null });
    expect(r).toMatchObject({ rating: 'AMBER', measuredDays: null });
    expect(r.basis).toMatch(/^no baseline/);
  });

  it('rates the finish variance with the numbers in the basis', () => {
    const r = rateSchedule(base);
    expect(r).toEqual({
      rating: 'AMBER', measuredDays: 7, basis: 'forecast 2026-09-14 is 7 working days after baseline 2026-09-03; tolerance 10',
      basisMessage: { key: 'schedule.finish', params: { forecastFinish: '2026-09-14', baselineFinish: '2026-09-03', days: 7, toleranceDays: 10 } },
    });
  });

  it.each([[5, 'GREEN'], [10, 'AMBER'], [11, 'RED']])('finish %i days late against 10 is %s', (days, rating) => {
    expect(rateSchedule({ ...base, finishVarianceDays: days }).rating).toBe(rating);
  });

  it('a milestone later than the finish drives the rating: a wave 13 days late with the finish 2 days early is RED', () => {
    const r = rateSchedule({
      ...base, finishVarianceDays: -2,
      milestones: [
        { name: 'Wave 1', baselineGoLive: '2026-06-01', forecastGoLive: '2026-06-18', varianceDays: 13 },
        { name: 'Wave 2', baselineGoLive: '2026-07-01', forecastGoLive: '2026-07-01', varianceDays: 0 },
      ],
    });
    expect(r.rating).toBe('RED');
    expect(r.measuredDays).toBe(13);
    expect(r.basis).toBe('milestone "Wave 1" forecast go-live 2026-06-18 is 13 working days after its baseline 2026-06-01 ' +
      '(project forecast 2026-09-14 is 2 working days before baseline 2026-09-03); tolerance 10');
    expect(r.basisMessage).toEqual({ key: 'schedule.milestone', params: {
      milestone: 'Wave 1', forecastGoLive: '2026-06-18', baselineGoLive: '2026-06-01', days: 13,
      forecastFinish: '2026-09-14', baselineFinish: '2026-09-03', finishDays: -2, toleranceDays: 10,
    } });
  });

  it('milestones not in the baseline (no variance) do not count', () => {
    const r = rateSchedule({ ...base, finishVarianceDays: 0, milestones: [{ name: 'New', baselineGoLive: null, forecastGoLive: '2026-10-01', varianceDays: null }] });
    expect(r).toMatchObject({ rating: 'GREEN', measuredDays: 0 });
    expect(r.basis).toBe('forecast 2026-09-14 is on baseline 2026-09-03; tolerance 10');
  });

  it('a milestone no later than the finish leaves the finish as the measure', () => {
    const r = rateSchedule({ ...base, milestones: [{ name: 'Wave', baselineGoLive: '2026-06-01', forecastGoLive: '2026-06-04', varianceDays: 3 }] });
    expect(r.measuredDays).toBe(7);
    expect(r.basis).toMatch(/^forecast/);
  });
});

describe('slipWords', () => {
  it('says one day in the singular', () => {
    expect(slipWords(1)).toBe('1 working day after');
    expect(slipWords(-1)).toBe('1 working day before');
  });
});
