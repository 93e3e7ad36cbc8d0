import { renderScheduleRating, SCHEDULE_RATING_PHRASES, type ScheduleRatingMessage } from './schedule-rating-phrases';
import { LOCALES } from '../../../common/i18n/locale';

const finish = { forecastFinish: '2026-09-14', baselineFinish: '2026-09-03', toleranceDays: 10 };

const SAMPLES: [ScheduleRatingMessage, Record<'en' | 'ru' | 'id', string>][] = [
  [{ key: 'schedule.noBaseline', params: { forecastFinish: '2026-09-14' } }, {
    en: 'no baseline: forecast finish 2026-09-14 cannot be measured; capture a baseline',
    ru: 'базового плана нет: прогноз окончания 14.09.2026 не с чем сравнить; зафиксируйте базовый план',
    id: 'belum ada baseline: perkiraan selesai 14/09/2026 tidak dapat diukur; tetapkan baseline',
  }],
  [{ key: 'schedule.finish', params: { ...finish, days: 7 } }, {
    en: 'forecast 2026-09-14 is 7 working days after baseline 2026-09-03; tolerance 10',
    ru: 'прогноз окончания 14.09.2026 на 7 рабочих дней позже базового плана 03.09.2026; допуск 10 рабочих дней',
    id: 'perkiraan selesai 14/09/2026 terlambat 7 hari kerja dari baseline 03/09/2026; toleransi 10 hari kerja',
  }],
  [{ key: 'schedule.finish', params: { ...finish, baselineFinish: '2026-09-14', days: 0, toleranceDays: 1 } }, {
    en: 'forecast 2026-09-14 is on baseline 2026-09-14; tolerance 1',
    ru: 'прогноз окончания 14.09.2026 совпадает с базовым планом 14.09.2026; допуск 1 рабочий день',
    id: 'perkiraan selesai 14/09/2026 tepat pada baseline 14/09/2026; toleransi 1 hari kerja',
  }],
  [{ key: 'schedule.finish', params: { ...finish, days: -2, toleranceDays: 3 } }, {
    en: 'forecast 2026-09-14 is 2 working days before baseline 2026-09-03; tolerance 3',
    ru: 'прогноз окончания 14.09.2026 на 2 рабочих дня раньше базового плана 03.09.2026; допуск 3 рабочих дня',
    id: 'perkiraan selesai 14/09/2026 lebih awal 2 hari kerja dari baseline 03/09/2026; toleransi 3 hari kerja',
  }],
  [{ key: 'schedule.milestone', params: {
    ...finish, milestone: 'Wave 1', forecastGoLive: '2026-06-18', baselineGoLive: '2026-06-01', days: 21, finishDays: -1,
  } }, {
    en: 'milestone "Wave 1" forecast go-live 2026-06-18 is 21 working days after its baseline 2026-06-01 ' +
      '(project forecast 2026-09-14 is 1 working day before baseline 2026-09-03); tolerance 10',
    ru: 'веха «Wave 1»: прогноз запуска 18.06.2026 на 21 рабочий день позже запуска по базовому плану 01.06.2026 ' +
      '(проект: прогноз окончания 14.09.2026 на 1 рабочий день раньше базового плана 03.09.2026); допуск 10 рабочих дней',
    id: 'milestone “Wave 1”: perkiraan go-live 18/06/2026 terlambat 21 hari kerja dari baseline-nya 01/06/2026 ' +
      '(proyek: perkiraan selesai 14/09/2026 lebih awal 1 hari kerja dari baseline 03/09/2026); toleransi 10 hari kerja',
  }],
];

describe('schedule rating phrasebook', () => {
  it.each(SAMPLES.map(([message, texts], i) => [`${i + 1}. ${message.key}`, message, texts] as const))('%s in en, ru and id', (_name, message, texts) => {
    for (const locale of LOCALES) expect(renderScheduleRating(message, locale)).toBe(texts[locale]);
  });

  it('has every key in every locale, and each key is shown above', () => {
    const keys = Object.keys(SCHEDULE_RATING_PHRASES.en).sort();
    for (const locale of LOCALES) expect(Object.keys(SCHEDULE_RATING_PHRASES[locale]).sort()).toEqual(keys);
    expect([...new Set(SAMPLES.map(([m]) => m.key))].sort()).toEqual(keys);
  });

  it('quotes a milestone\'s name as entered, never translated', () => {
    const message: ScheduleRatingMessage = { key: 'schedule.milestone', params: {
      ...finish, milestone: 'Запуск "Продажи"', forecastGoLive: '2026-06-18', baselineGoLive: '2026-06-01', days: 3, finishDays: 0,
    } };
    for (const locale of LOCALES) expect(renderScheduleRating(message, locale)).toContain('Запуск "Продажи"');
  });
});
