import { dateText, type Locale } from '../../../common/i18n/locale';
import { isMessageOf, renderer, type Phrasebooks } from '../../../common/i18n/phrases';
import { RATING_PHRASES, renderBasis } from '../rating-phrases';
import type { BasisMessage } from '../rating-rules';
import { SCHEDULE_RATING_PHRASES } from '../../schedule/engine/schedule-rating-phrases';
import { exceptionDescription, type ReportPeriod } from './exception-rules';

/** An exception's description (`exceptionDescription`): the report that raised it and the basis of its RED rating. */
export type ExceptionMessage = { key: 'exception.description'; params: { periodStart: string; periodEnd: string; basis: BasisMessage } };

const period = (p: ReportPeriod, locale: Locale) => `${dateText(p.periodStart, locale)} – ${dateText(p.periodEnd, locale)}`;

export const EXCEPTION_PHRASES: Phrasebooks<ExceptionMessage> = {
  en: { 'exception.description': (p) => exceptionDescription(p, renderBasis(p.basis, 'en')) },
  ru: { 'exception.description': (p) => `Отчёт о статусе ${period(p, 'ru')}: ${renderBasis(p.basis, 'ru')}` },
  id: { 'exception.description': (p) => `Laporan status ${period(p, 'id')}: ${renderBasis(p.basis, 'id')}` },
};

export const renderException = renderer(EXCEPTION_PHRASES);

/**
 * The message an exception's stored description was made from, found again from the report that
 * raised it: the description is `exceptionDescription(report, basis)` of that report's frozen
 * rating. Null when the report's snapshot keeps no message for the rating (published before
 * messages were kept) or the description reads otherwise: then the stored text stands.
 */
export function exceptionMessage(
  description: string,
  report: ReportPeriod,
  rating: { basis: string; basisMessage?: unknown } | undefined,
): ExceptionMessage | null {
  if (!rating || description !== exceptionDescription(report, rating.basis)) return null;
  const basis = rating.basisMessage;
  if (!isMessageOf(SCHEDULE_RATING_PHRASES, basis) && !isMessageOf(RATING_PHRASES, basis)) return null;
  return { key: 'exception.description', params: { periodStart: report.periodStart, periodEnd: report.periodEnd, basis } };
}
