import { feedTtlDays } from './calendar-feed.service';

describe('TRAINING_FEED_TTL_DAYS', () => {
  it('defaults to 180 days and takes any positive number of days', () => {
    expect(feedTtlDays(undefined)).toBe(180);
    expect(feedTtlDays(' ')).toBe(180);
    expect(feedTtlDays('30')).toBe(30);
    expect(feedTtlDays('0.5')).toBe(0.5);
  });

  it('refuses to start with anything else', () => {
    for (const bad of ['0', '-1', 'soon', 'Infinity']) expect(() => feedTtlDays(bad)).toThrow(/TRAINING_FEED_TTL_DAYS must be a positive number/);
  });
});
