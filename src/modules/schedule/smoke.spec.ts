import dayjs from 'dayjs';
describe('smoke', () => { it('runs', () => { expect(dayjs('2026-01-05').day()).toBe(1); }); });
