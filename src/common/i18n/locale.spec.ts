import { DomainError } from '../errors/domain-error';
import { dateText, excelDate, formatsOf, numberText, parseLocale } from './locale';

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

  it('writes a date inside a sentence as the locale\'s date cells read', () => {
    expect(dateText('2026-03-02', 'ru')).toBe('02.03.2026');
    expect(dateText('2026-03-02', 'id')).toBe('02/03/2026');
    expect(dateText('2026-03-02', 'en')).toBe('02 Mar 2026');
    expect(dateText('2026-12-31T10:00:00Z', 'ru')).toBe('31.12.2026');
  });

  it('writes a number inside a sentence with the locale\'s separators, digit for digit', () => {
    expect(numberText('1070000.00', 'ru')).toBe('1\u00a0070\u00a0000,00');
    expect(numberText('1070000.00', 'id')).toBe('1.070.000,00');
    expect(numberText('1070000.00', 'en')).toBe('1,070,000.00');
    expect(numberText('99999999999999.99', 'id')).toBe('99.999.999.999.999,99');
    expect(numberText('-950.5', 'ru')).toBe('-950,5');
    expect(numberText(7, 'ru')).toBe('7');
    expect(numberText('7.00', 'ru')).toBe('7,00');
    expect(numberText('n/a', 'ru')).toBe('n/a');
  });
});
