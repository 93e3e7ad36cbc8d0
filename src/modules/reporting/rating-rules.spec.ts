import { Rag } from '../schedule/rag.enum';
import type { BasisMessage } from './rating-rules';
import { RagDimension } from './reporting.enums';
import {
  effectiveRatings, minorUnits, nextPeriod, overallRating, periodLength, periodsOverlap, rateCost, rateQuality, rateReadiness, rateRisk, rateScope,
} from './rating-rules';

describe('rateCost', () => {
  const cost = (forecastAtCompletion: string | null, budget: string | null = '1000000.00', tolerancePercent = 10) =>
    rateCost({ budget, forecastAtCompletion, tolerancePercent, currency: 'RUB' });

  it('is not rated without a budget, and says so', () => {
    expect(cost('900.00', null)).toEqual({ rating: null, basis: expect.stringMatching(/^not rated: the project has no budget/), basisMessage: { key: 'cost.noBudget', params: {} } });
  });

  it('is not rated without a forecast at completion on the report, and says so', () => {
    expect(cost(null)).toEqual({
      rating: null, basis: expect.stringMatching(/^not rated: no forecast at completion/),
      basisMessage: { key: 'cost.noForecast', params: { budget: '1000000.00', currency: 'RUB' } },
    });
  });

  it.each([
    ['900000.00', Rag.GREEN],
    ['1000000.00', Rag.GREEN],
    ['1050000.00', Rag.GREEN], // exactly half the tolerance
    ['1050000.01', Rag.AMBER],
    ['1100000.00', Rag.AMBER], // exactly the tolerance
    ['1100000.01', Rag.RED],
  ])('forecast %s against budget 1000000.00, tolerance 10 %% is %s', (fac, rating) => {
    expect(cost(fac).rating).toBe(rating);
  });

  it('gives the numbers in the basis', () => {
    expect(cost('1070000.00').basis).toBe('forecast at completion 1070000.00 RUB is 7.00 % over budget 1000000.00 RUB; tolerance 10 %');
    expect(cost('950000.00').basis).toBe('forecast at completion 950000.00 RUB is 5.00 % under budget 1000000.00 RUB; tolerance 10 %');
    expect(cost('1000000.00').basis).toContain('equals budget');
    expect(cost('1070000.00').basisMessage).toEqual({ key: 'cost.rated', params: {
      forecastAtCompletion: '1070000.00', budget: '1000000.00', currency: 'RUB', side: 'over', percent: 7, tolerancePercent: 10,
    } });
  });

  it('compares exactly at amounts beyond double precision', () => {
    expect(cost('2100000000000000.00', '2000000000000000.00', 10).rating).toBe(Rag.GREEN);
    expect(cost('2100000000000000.01', '2000000000000000.00', 10).rating).toBe(Rag.AMBER);
    expect(minorUnits('12.5')).toBe(1250n);
  });

  it('a zero tolerance is GREEN only on or under budget', () => {
    expect(cost('1000000.00', '1000000.00', 0).rating).toBe(Rag.GREEN);
    expect(cost('1000000.01', '1000000.00', 0).rating).toBe(Rag.RED);
  });
});

describe('rateScope', () => {
  const baseline = { name: 'Approved plan', capturedAt: new Date('2026-05-04T10:00:00Z') };

  it('is GREEN with no MUST waived since the baseline', () => {
    const r = rateScope({ baseline, waivedMust: [{ text: 'Old waiver', waivedAt: new Date('2026-05-01T00:00:00Z') }] });
    expect(r).toEqual({
      rating: Rag.GREEN, basis: 'no MUST criterion waived since baseline "Approved plan" (captured 2026-05-04)',
      basisMessage: { key: 'scope.none', params: { baseline: { name: 'Approved plan', capturedOn: '2026-05-04' } } },
    });
  });

  it('is AMBER with one or more MUST waived since the baseline, naming them', () => {
    const r = rateScope({ baseline, waivedMust: [
      { text: 'Rollback plan', waivedAt: new Date('2026-05-05T00:00:00Z') },
      { text: 'Load test', waivedAt: new Date('2026-05-06T00:00:00Z') },
    ] });
    expect(r.rating).toBe(Rag.AMBER);
    expect(r.basis).toBe('2 MUST criteria waived since baseline "Approved plan" (captured 2026-05-04): "Rollback plan", "Load test"');
  });

  it('is never RED, however many are waived', () => {
    const waivedMust = Array.from({ length: 50 }, (_, i) => ({ text: `c${i}`, waivedAt: new Date('2026-06-01T00:00:00Z') }));
    expect(rateScope({ baseline, waivedMust }).rating).toBe(Rag.AMBER);
  });

  it('without a baseline counts every MUST waiver', () => {
    const r = rateScope({ baseline: null, waivedMust: [{ text: 'x', waivedAt: new Date('2026-01-01T00:00:00Z') }] });
    expect(r.rating).toBe(Rag.AMBER);
    expect(r.basis).toContain('no baseline captured yet');
  });
});

describe('rateQuality', () => {
  it('is GREEN without standing rejections', () => {
    expect(rateQuality({ rejected: [] }).rating).toBe(Rag.GREEN);
  });
  it.each([['SHOULD'], ['COULD']] as const)('is AMBER for a rejected %s criterion', (priority) => {
    expect(rateQuality({ rejected: [{ text: 'x', priority }] }).rating).toBe(Rag.AMBER);
  });
  it('is RED for a rejected MUST criterion, naming it', () => {
    const r = rateQuality({ rejected: [{ text: 'nice', priority: 'COULD' }, { text: 'Integrations tested', priority: 'MUST' }] });
    expect(r).toMatchObject({ rating: Rag.RED, basis: '1 MUST criterion stands rejected: "Integrations tested"' });
    expect(r.basisMessage).toEqual({ key: 'quality.must', params: { count: 1, criteria: { items: ['Integrations tested'], more: 0 } } });
  });
});

describe('rateRisk', () => {
  const risk = (score: number, hasOwner = true) => ({ title: `risk ${score}`, score, hasOwner });
  it('is GREEN with no open risks or all below 8 with owners', () => {
    expect(rateRisk({ openRisks: [] })).toEqual({ rating: Rag.GREEN, basis: 'no open risk in the register', basisMessage: { key: 'risk.none', params: {} } });
    expect(rateRisk({ openRisks: [risk(7), risk(1)] }).rating).toBe(Rag.GREEN);
  });
  it.each([[7, Rag.GREEN], [8, Rag.AMBER], [14, Rag.AMBER], [15, Rag.RED], [25, Rag.RED]])('highest score %i is %s', (score, rating) => {
    expect(rateRisk({ openRisks: [risk(2), risk(score)] }).rating).toBe(rating);
  });
  it('is AMBER for an open risk without an owner, even at a low score', () => {
    const r = rateRisk({ openRisks: [risk(2, false)] });
    expect(r.rating).toBe(Rag.AMBER);
    expect(r.basis).toBe('1 open risk, highest score 2 ("risk 2"), 1 without an owner; AMBER from 8 or without an owner, RED from 15');
  });
  it('a missing owner does not lift RED any higher nor lower it', () => {
    expect(rateRisk({ openRisks: [risk(16, false)] }).rating).toBe(Rag.RED);
  });
});

describe('rateReadiness', () => {
  const window = { after: '2026-06-01', through: '2026-06-21' };
  it('is GREEN when no milestone goes live in the window', () => {
    expect(rateReadiness({ ...window, milestones: [] })).toMatchObject({ rating: Rag.GREEN, basis: 'no milestone goes live after 2026-06-01 through 2026-06-21' });
  });
  it('is GREEN when all are ready', () => {
    expect(rateReadiness({ ...window, milestones: [{ name: 'Wave 1', ready: true, reasons: [] }] }).rating).toBe(Rag.GREEN);
  });
  it('is RED when any is not ready, with the reasons (never AMBER)', () => {
    const r = rateReadiness({ ...window, milestones: [
      { name: 'Wave 1', ready: true, reasons: [] },
      { name: 'Wave 2', ready: false, reasons: [{ key: 'ready.noKeyUsers', params: {} }] },
    ] });
    expect(r).toMatchObject({ rating: Rag.RED, basis: '1 of 2 milestones going live after 2026-06-01 through 2026-06-21 not ready: "Wave 2" (no key users)' });
    expect(r.basisMessage).toEqual({ key: 'readiness.notReady', params: {
      ...window, notReady: 1, count: 2, first: 'Wave 2', reasons: [{ key: 'ready.noKeyUsers', params: {} }], others: { items: [], more: 0 },
    } });
  });
  it('names the first milestone not ready with its reasons, then the others', () => {
    const reasons = [{ key: 'ready.endUserAttendance' as const, params: { attended: 8, invited: 10, neededPercent: 90 } }];
    const r = rateReadiness({ ...window, milestones: ['Wave 1', 'Wave 2', 'Wave 3', 'Wave 4', 'Wave 5'].map((name) => ({ name, ready: false, reasons })) });
    expect(r.basis).toBe('5 of 5 milestones going live after 2026-06-01 through 2026-06-21 not ready: "Wave 1" ' +
      '(8 of 10 invited end users attended (90 % needed)) and "Wave 2", "Wave 3", "Wave 4" and 1 more');
  });
});

describe('overrides and overall', () => {
  const basisMessage: BasisMessage = { key: 'risk.none', params: {} };
  const computed = [
    { dimension: RagDimension.SCHEDULE, rating: Rag.AMBER, basis: 's', basisMessage },
    { dimension: RagDimension.COST, rating: null, basis: 'c', basisMessage },
    { dimension: RagDimension.RISK, rating: Rag.GREEN, basis: 'r', basisMessage },
  ];
  it('keeps the computed rating beside the override', () => {
    const r = effectiveRatings(computed, [{ dimension: RagDimension.SCHEDULE, rating: Rag.GREEN, reason: 'recovery plan agreed' }]);
    expect(r[0]).toEqual({ dimension: RagDimension.SCHEDULE, computed: Rag.AMBER, rating: Rag.GREEN, overrideReason: 'recovery plan agreed', basis: 's', basisMessage });
    expect(r[1]).toEqual({ dimension: RagDimension.COST, computed: null, rating: null, overrideReason: null, basis: 'c', basisMessage });
  });
  it('overall is the worst effective rating; an unrated dimension does not count', () => {
    expect(overallRating(effectiveRatings(computed, []))).toBe(Rag.AMBER);
    expect(overallRating(effectiveRatings(computed, [{ dimension: RagDimension.SCHEDULE, rating: Rag.GREEN, reason: 'x' }]))).toBe(Rag.GREEN);
    expect(overallRating(effectiveRatings(computed, [{ dimension: RagDimension.COST, rating: Rag.RED, reason: 'x' }]))).toBe(Rag.RED);
  });
});

describe('periods', () => {
  it('the next period has the same length, right after the end', () => {
    expect(periodLength('2026-06-01', '2026-06-14')).toBe(14);
    expect(nextPeriod('2026-06-01', '2026-06-14')).toEqual({ start: '2026-06-15', end: '2026-06-28' });
    expect(nextPeriod('2026-02-28', '2026-02-28')).toEqual({ start: '2026-03-01', end: '2026-03-01' });
  });
  it('periods sharing a day overlap; adjacent ones do not', () => {
    expect(periodsOverlap({ start: '2026-06-01', end: '2026-06-14' }, { start: '2026-06-14', end: '2026-06-20' })).toBe(true);
    expect(periodsOverlap({ start: '2026-06-01', end: '2026-06-14' }, { start: '2026-06-15', end: '2026-06-20' })).toBe(false);
  });
});
