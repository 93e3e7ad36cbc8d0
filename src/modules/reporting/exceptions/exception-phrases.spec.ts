import { EXCEPTION_PHRASES, exceptionMessage, renderException, type ExceptionMessage } from './exception-phrases';
import { exceptionDescription } from './exception-rules';
import { LOCALES } from '../../../common/i18n/locale';

const report = { periodStart: '2026-03-02', periodEnd: '2026-03-13' };
const basisMessage = { key: 'schedule.finish', params: { forecastFinish: '2026-09-14', baselineFinish: '2026-08-25', days: 14, toleranceDays: 10 } } as const;
const basis = 'forecast 2026-09-14 is 14 working days after baseline 2026-08-25; tolerance 10';

describe('exception phrasebook', () => {
  const message: ExceptionMessage = { key: 'exception.description', params: { ...report, basis: basisMessage } };

  it('says the report and the basis in en (as stored), ru and id', () => {
    expect(LOCALES.map((l) => renderException(message, l))).toEqual([
      exceptionDescription(report, basis),
      'Отчёт о статусе 02.03.2026 – 13.03.2026: прогноз окончания 14.09.2026 на 14 рабочих дней позже базового плана 25.08.2026; допуск 10 рабочих дней',
      'Laporan status 02/03/2026 – 13/03/2026: perkiraan selesai 14/09/2026 terlambat 14 hari kerja dari baseline 25/08/2026; toleransi 10 hari kerja',
    ]);
    const cost: ExceptionMessage = { key: 'exception.description', params: { ...report, basis: { key: 'cost.rated', params: {
      forecastAtCompletion: '1200000.00', budget: '1000000.00', currency: 'RUB', side: 'over', percent: 20, tolerancePercent: 10,
    } } } };
    expect(renderException(cost, 'ru')).toBe('Отчёт о статусе 02.03.2026 – 13.03.2026: прогноз затрат 1\u00a0200\u00a0000,00 RUB на 20,00 % выше бюджета 1\u00a0000\u00a0000,00 RUB; допуск 10 %');
  });

  it('has every key in every locale', () => {
    for (const locale of LOCALES) expect(Object.keys(EXCEPTION_PHRASES[locale])).toEqual(['exception.description']);
  });

  it('finds the message again from the raising report\'s frozen rating, only when the stored description was made from it', () => {
    const description = exceptionDescription(report, basis);
    expect(exceptionMessage(description, report, { basis, basisMessage })).toEqual(message);
    // Published before messages were kept: the stored text stands.
    expect(exceptionMessage(description, report, { basis })).toBeNull();
    expect(exceptionMessage(description, report, { basis, basisMessage: { key: 'no.such.key', params: {} } })).toBeNull();
    // A description that does not read as made from this rating (another report, another text).
    expect(exceptionMessage(description, { ...report, periodEnd: '2026-03-20' }, { basis, basisMessage })).toBeNull();
    expect(exceptionMessage('Typed by hand', report, { basis, basisMessage })).toBeNull();
    expect(exceptionMessage(description, report, undefined)).toBeNull();
  });
});
