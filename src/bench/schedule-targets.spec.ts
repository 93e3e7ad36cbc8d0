import { scalingAllowed } from './schedule-targets';

describe('scheduler scaling allowance', () => {
  it('is 2.2× while the floor grows linearly or less, and a tenth over the floor when caches make it grow faster', () => {
    expect(scalingAllowed(null)).toBe(2.2);
    expect(scalingAllowed(1.9)).toBe(2.2);
    expect(scalingAllowed(2)).toBe(2.2);
    expect(scalingAllowed(2.3)).toBe(2.53);
    expect(scalingAllowed(2.301)).toBe(2.54);
  });
});
