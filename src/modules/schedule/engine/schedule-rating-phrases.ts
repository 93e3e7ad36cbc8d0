import { dateText, type Locale } from '../../../common/i18n/locale';
import { pluralRu, quote, renderer, type Phrasebooks } from '../../../common/i18n/phrases';

/** The schedule rating's basis (`rateSchedule`) as a message: dates ISO, days signed (+ later than the baseline). */
export type ScheduleRatingMessage =
  | { key: 'schedule.noBaseline'; params: { forecastFinish: string } }
  | { key: 'schedule.finish'; params: { forecastFinish: string; baselineFinish: string; days: number; toleranceDays: number } }
  | { key: 'schedule.milestone'; params: {
    milestone: string; forecastGoLive: string | null; baselineGoLive: string | null; days: number;
    forecastFinish: string; baselineFinish: string; finishDays: number; toleranceDays: number;
  } };

/** "7 working days after", "3 working days before", "on". */
export function slipWords(days: number): string {
  if (days === 0) return 'on';
  const n = Math.abs(days);
  return `${n} working day${n === 1 ? '' : 's'} ${days > 0 ? 'after' : 'before'}`;
}

const day = (iso: string | null, locale: Locale) => (iso ? dateText(iso, locale) : '—');

const ruDays = (n: number) => `${n} ${pluralRu(n, 'рабочий день', 'рабочих дня', 'рабочих дней')}`;
/** "на 7 рабочих дней позже базового плана 03.09.2026", "совпадает с базовым планом 03.09.2026". */
const ruSlip = (days: number, what: { genitive: string; instrumental: string }, date: string) => {
  if (days === 0) return `совпадает с ${what.instrumental} ${date}`;
  return `на ${ruDays(Math.abs(days))} ${days > 0 ? 'позже' : 'раньше'} ${what.genitive} ${date}`;
};
const RU_PLAN = { genitive: 'базового плана', instrumental: 'базовым планом' };
const RU_GO_LIVE = { genitive: 'запуска по базовому плану', instrumental: 'запуском по базовому плану' };

/** "terlambat 7 hari kerja dari baseline 03/09/2026", "tepat pada baseline 03/09/2026". */
const idSlip = (days: number, baseline: string, date: string) => {
  if (days === 0) return `tepat pada ${baseline} ${date}`;
  return `${days > 0 ? 'terlambat' : 'lebih awal'} ${Math.abs(days)} hari kerja dari ${baseline} ${date}`;
};

export const SCHEDULE_RATING_PHRASES: Phrasebooks<ScheduleRatingMessage> = {
  en: {
    'schedule.noBaseline': (p) => `no baseline: forecast finish ${p.forecastFinish} cannot be measured; capture a baseline`,
    'schedule.finish': (p) => `forecast ${p.forecastFinish} is ${slipWords(p.days)} baseline ${p.baselineFinish}; tolerance ${p.toleranceDays}`,
    'schedule.milestone': (p) => `milestone "${p.milestone}" forecast go-live ${p.forecastGoLive} is ${slipWords(p.days)} its baseline ${p.baselineGoLive}` +
      ` (project forecast ${p.forecastFinish} is ${slipWords(p.finishDays)} baseline ${p.baselineFinish}); tolerance ${p.toleranceDays}`,
  },
  ru: {
    'schedule.noBaseline': (p) => `базового плана нет: прогноз окончания ${day(p.forecastFinish, 'ru')} не с чем сравнить; зафиксируйте базовый план`,
    'schedule.finish': (p) => `прогноз окончания ${day(p.forecastFinish, 'ru')} ${ruSlip(p.days, RU_PLAN, day(p.baselineFinish, 'ru'))}; допуск ${ruDays(p.toleranceDays)}`,
    'schedule.milestone': (p) => `веха ${quote(p.milestone, 'ru')}: прогноз запуска ${day(p.forecastGoLive, 'ru')} ${ruSlip(p.days, RU_GO_LIVE, day(p.baselineGoLive, 'ru'))}` +
      ` (проект: прогноз окончания ${day(p.forecastFinish, 'ru')} ${ruSlip(p.finishDays, RU_PLAN, day(p.baselineFinish, 'ru'))}); допуск ${ruDays(p.toleranceDays)}`,
  },
  id: {
    'schedule.noBaseline': (p) => `belum ada baseline: perkiraan selesai ${day(p.forecastFinish, 'id')} tidak dapat diukur; tetapkan baseline`,
    'schedule.finish': (p) => `perkiraan selesai ${day(p.forecastFinish, 'id')} ${idSlip(p.days, 'baseline', day(p.baselineFinish, 'id'))}; toleransi ${p.toleranceDays} hari kerja`,
    'schedule.milestone': (p) => `milestone ${quote(p.milestone, 'id')}: perkiraan go-live ${day(p.forecastGoLive, 'id')} ${idSlip(p.days, 'baseline-nya', day(p.baselineGoLive, 'id'))}` +
      ` (proyek: perkiraan selesai ${day(p.forecastFinish, 'id')} ${idSlip(p.finishDays, 'baseline', day(p.baselineFinish, 'id'))}); toleransi ${p.toleranceDays} hari kerja`,
  },
};

export const renderScheduleRating = renderer(SCHEDULE_RATING_PHRASES);
