import { DomainError } from '../../../common/errors/domain-error';
import { excelDate, formatsOf, parseLocale } from './locale';

describe('export locales', () => {
  it('takes en, ru and id, default en, and refuses anything else as BAD_USER_INPUT on locale', () => {
    expect(parseLocale(undefined)).toBe('en');
    expect(parseLocale('RU')).toBe('ru');
    expect(parseLocale('id')).toBe('id');
    let error: unknown;
    try {
      parseLocale('de');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'locale' } });
  });

  it('writes dates in the order and with the month names of the locale', () => {
    expect(formatsOf('ru').date).toBe('[$-419]dd.mm.yyyy');
    expect(formatsOf('id').date).toBe('[$-421]dd/mm/yyyy');
    expect(formatsOf('en').date).toBe('[$-809]dd mmm yyyy');
    expect(excelDate('2026-03-02')!.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(excelDate(null)).toBeNull();
  });
});
