import { dateText, numberText, type Locale } from '../../common/i18n/locale';
import { pluralEn, pluralRu, quote, quotedListText, renderer, type Phrasebooks, type QuotedList } from '../../common/i18n/phrases';
import { renderScheduleRating, type ScheduleRatingMessage } from '../schedule/engine/schedule-rating-phrases';
import { renderReadinessReason, type ReadinessReasonMessage } from '../training/readiness-phrases';

/**
 * The bases of the cost, scope, quality, risk and readiness ratings (rating-rules.ts) as
 * messages. Amounts are exact decimals as PostgreSQL gives them ("1070000.00"), dates ISO;
 * criterion texts, risk titles and milestone names are quoted as entered.
 */
export type RatingMessage =
  | { key: 'cost.noBudget'; params: Record<string, never> }
  | { key: 'cost.noForecast'; params: { budget: string; currency: string } }
  | { key: 'cost.rated'; params: {
    forecastAtCompletion: string; budget: string; currency: string; side: 'over' | 'under' | 'equals'; percent: number; tolerancePercent: number;
  } }
  | { key: 'scope.none'; params: { baseline: BaselineRef } }
  | { key: 'scope.waived'; params: { count: number; baseline: BaselineRef; criteria: QuotedList } }
  | { key: 'quality.none'; params: Record<string, never> }
  | { key: 'quality.must'; params: { count: number; criteria: QuotedList } }
  | { key: 'quality.other'; params: { count: number; criteria: QuotedList } }
  | { key: 'risk.none'; params: Record<string, never> }
  | { key: 'risk.open'; params: { count: number; topScore: number; topTitle: string; ownerless: number; amberScore: number; redScore: number } }
  | { key: 'readiness.none'; params: Window }
  | { key: 'readiness.allReady'; params: Window & { count: number } }
  | { key: 'readiness.notReady'; params: Window & { notReady: number; count: number; first: string; reasons: ReadinessReasonMessage[]; others: QuotedList } };

/** The latest baseline (null: none yet): its name as entered and the day it was captured. */
type BaselineRef = { name: string; capturedOn: string } | null;
type Window = { after: string; through: string };

const reasons = (list: readonly ReadinessReasonMessage[], locale: Locale) => list.map((r) => renderReadinessReason(r, locale)).join('; ');

// ---- en: the API's words ------------------------------------------------------------------------

const enSince = (b: BaselineRef) => (b ? `since baseline "${b.name}" (captured ${b.capturedOn})` : 'and no baseline captured yet');
const enSide = (p: { side: string; percent: number }) => (p.side === 'equals' ? 'equals' : `is ${p.percent.toFixed(2)} % ${p.side}`);
const enCriteria = (n: number, verb: string, verbs: string) => `criteri${n === 1 ? `on${verb}` : `a${verbs}`}`;
const enWindow = (p: Window) => `after ${p.after} through ${p.through}`;

// ---- ru -----------------------------------------------------------------------------------------

const ruNum = (value: string) => numberText(value, 'ru');
const ruSince = (b: BaselineRef) => (b ? `с момента базового плана ${quote(b.name, 'ru')} (зафиксирован ${dateText(b.capturedOn, 'ru')})` : '');
const ruWindow = (p: Window) => `после ${dateText(p.after, 'ru')} и до ${dateText(p.through, 'ru')} включительно`;
const ruMust = (n: number) => pluralRu(n, 'обязательный критерий', 'обязательных критерия', 'обязательных критериев');

// ---- id -----------------------------------------------------------------------------------------

const idNum = (value: string) => numberText(value, 'id');
const idSince = (b: BaselineRef) => (b ? `sejak baseline ${quote(b.name, 'id')} (dibuat ${dateText(b.capturedOn, 'id')})` : '');
const idWindow = (p: Window) => `setelah ${dateText(p.after, 'id')} s.d. ${dateText(p.through, 'id')}`;

export const RATING_PHRASES: Phrasebooks<RatingMessage> = {
  en: {
    'cost.noBudget': () => 'not rated: the project has no budget (the steering committee sets it with setTolerances)',
    'cost.noForecast': (p) => `not rated: no forecast at completion entered on the report yet (budget ${p.budget} ${p.currency})`,
    'cost.rated': (p) => `forecast at completion ${p.forecastAtCompletion} ${p.currency} ${enSide(p)} budget ${p.budget} ${p.currency}; tolerance ${p.tolerancePercent} %`,
    'scope.none': (p) => `no MUST criterion waived ${enSince(p.baseline)}`,
    'scope.waived': (p) => `${p.count} MUST ${enCriteria(p.count, '', '')} waived ${enSince(p.baseline)}: ${quotedListText(p.criteria, 'en')}`,
    'quality.none': () => 'no criterion stands rejected',
    'quality.must': (p) => `${p.count} MUST ${enCriteria(p.count, ' stands', ' stand')} rejected: ${quotedListText(p.criteria, 'en')}`,
    'quality.other': (p) => `${p.count} SHOULD/COULD ${enCriteria(p.count, ' stands', ' stand')} rejected, no MUST: ${quotedListText(p.criteria, 'en')}`,
    'risk.none': () => 'no open risk in the register',
    'risk.open': (p) => `${p.count} open ${pluralEn(p.count, 'risk', 'risks')}, highest score ${p.topScore} ("${p.topTitle}")` +
      `${p.ownerless ? `, ${p.ownerless} without an owner` : ''}; AMBER from ${p.amberScore} or without an owner, RED from ${p.redScore}`,
    'readiness.none': (p) => `no milestone goes live ${enWindow(p)}`,
    'readiness.allReady': (p) => `all ${p.count} ${pluralEn(p.count, 'milestone', 'milestones')} going live ${enWindow(p)} ready`,
    'readiness.notReady': (p) => `${p.notReady} of ${p.count} ${pluralEn(p.count, 'milestone', 'milestones')} going live ${enWindow(p)} not ready: ` +
      `"${p.first}" (${reasons(p.reasons, 'en')})${p.notReady > 1 ? ` and ${quotedListText(p.others, 'en')}` : ''}`,
  },
  ru: {
    'cost.noBudget': () => 'не оценивается: у проекта нет бюджета (его задаёт управляющий комитет)',
    'cost.noForecast': (p) => `не оценивается: в отчёте ещё нет прогноза затрат (бюджет ${ruNum(p.budget)} ${p.currency})`,
    'cost.rated': (p) => `прогноз затрат ${ruNum(p.forecastAtCompletion)} ${p.currency} ` +
      (p.side === 'equals' ? 'равен бюджету' : `на ${ruNum(p.percent.toFixed(2))} % ${p.side === 'over' ? 'выше' : 'ниже'} бюджета`) +
      ` ${ruNum(p.budget)} ${p.currency}; допуск ${p.tolerancePercent} %`,
    'scope.none': (p) => (p.baseline ? `ни один обязательный критерий не снят ${ruSince(p.baseline)}` : 'ни один обязательный критерий не снят; базовый план ещё не зафиксирован'),
    'scope.waived': (p) => `${pluralRu(p.count, 'снят', 'сняты', 'снято')} ${p.count} ${ruMust(p.count)} ` +
      `${p.baseline ? ruSince(p.baseline) : '(базовый план ещё не зафиксирован)'}: ${quotedListText(p.criteria, 'ru')}`,
    'quality.none': () => 'отклонённых критериев нет',
    'quality.must': (p) => `${pluralRu(p.count, 'отклонён', 'отклонены', 'отклонено')} ${p.count} ${ruMust(p.count)}: ${quotedListText(p.criteria, 'ru')}`,
    'quality.other': (p) => `${pluralRu(p.count, 'отклонён', 'отклонены', 'отклонено')} ${p.count} ` +
      `${pluralRu(p.count, 'желательный или возможный критерий', 'желательных или возможных критерия', 'желательных или возможных критериев')}, ` +
      `обязательные не отклонены: ${quotedListText(p.criteria, 'ru')}`,
    'risk.none': () => 'открытых рисков в реестре нет',
    'risk.open': (p) => `${p.count} ${pluralRu(p.count, 'открытый риск', 'открытых риска', 'открытых рисков')}, наивысшая оценка ${p.topScore} (${quote(p.topTitle, 'ru')})` +
      `${p.ownerless ? `, ${p.ownerless} без владельца` : ''}; ЖЁЛТЫЙ от ${p.amberScore} или без владельца, КРАСНЫЙ от ${p.redScore}`,
    'readiness.none': (p) => `ни одна веха не запускается ${ruWindow(p)}`,
    'readiness.allReady': (p) => `${p.count} ${pluralRu(p.count, 'веха', 'вехи', 'вех')} с запуском ${ruWindow(p)} — ${p.count === 1 ? 'готова' : 'все готовы'}`,
    'readiness.notReady': (p) => `не ${pluralRu(p.notReady, 'готова', 'готовы', 'готовы')} ${p.notReady} из ${p.count} ${pluralRu(p.count, 'вехи', 'вех', 'вех')} ` +
      `с запуском ${ruWindow(p)}: ${quote(p.first, 'ru')} (${reasons(p.reasons, 'ru')})${p.notReady > 1 ? ` и ${quotedListText(p.others, 'ru')}` : ''}`,
  },
  id: {
    'cost.noBudget': () => 'tidak dinilai: proyek belum memiliki anggaran (ditetapkan oleh komite pengarah)',
    'cost.noForecast': (p) => `tidak dinilai: perkiraan biaya akhir belum diisi di laporan (anggaran ${idNum(p.budget)} ${p.currency})`,
    'cost.rated': (p) => `perkiraan biaya akhir ${idNum(p.forecastAtCompletion)} ${p.currency} ` +
      (p.side === 'equals' ? 'sama dengan anggaran' : `${idNum(p.percent.toFixed(2))} % ${p.side === 'over' ? 'di atas' : 'di bawah'} anggaran`) +
      ` ${idNum(p.budget)} ${p.currency}; toleransi ${p.tolerancePercent} %`,
    'scope.none': (p) => `tidak ada kriteria wajib yang dikecualikan ${p.baseline ? idSince(p.baseline) : 'dan belum ada baseline'}`,
    'scope.waived': (p) => `${p.count} kriteria wajib dikecualikan ${p.baseline ? idSince(p.baseline) : '(belum ada baseline)'}: ${quotedListText(p.criteria, 'id')}`,
    'quality.none': () => 'tidak ada kriteria yang ditolak',
    'quality.must': (p) => `${p.count} kriteria wajib ditolak: ${quotedListText(p.criteria, 'id')}`,
    'quality.other': (p) => `${p.count} kriteria sebaiknya/opsional ditolak, tidak ada yang wajib: ${quotedListText(p.criteria, 'id')}`,
    'risk.none': () => 'tidak ada risiko terbuka di register',
    'risk.open': (p) => `${p.count} risiko terbuka, skor tertinggi ${p.topScore} (${quote(p.topTitle, 'id')})` +
      `${p.ownerless ? `, ${p.ownerless} tanpa pemilik` : ''}; KUNING mulai ${p.amberScore} atau tanpa pemilik, MERAH mulai ${p.redScore}`,
    'readiness.none': (p) => `tidak ada milestone yang go-live ${idWindow(p)}`,
    'readiness.allReady': (p) => `${p.count === 1 ? '1 milestone' : `semua ${p.count} milestone`} yang go-live ${idWindow(p)} siap`,
    'readiness.notReady': (p) => `${p.notReady} dari ${p.count} milestone yang go-live ${idWindow(p)} belum siap: ` +
      `${quote(p.first, 'id')} (${reasons(p.reasons, 'id')})${p.notReady > 1 ? ` dan ${quotedListText(p.others, 'id')}` : ''}`,
  },
};

export const renderRating = renderer(RATING_PHRASES);

/** Any rating's basis: the schedule's (schedule-rating-phrases.ts) or another dimension's. */
export function renderBasis(message: RatingMessage | ScheduleRatingMessage, locale: Locale): string {
  return isScheduleMessage(message) ? renderScheduleRating(message, locale) : renderRating(message, locale);
}

const isScheduleMessage = (message: RatingMessage | ScheduleRatingMessage): message is ScheduleRatingMessage => message.key.startsWith('schedule.');
