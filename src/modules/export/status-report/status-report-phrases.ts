import { RATING_PHRASES, renderRating } from '../../reporting/rating-phrases';
import { renderReportItem, REPORT_ITEM_PHRASES } from '../../reporting/report-content-phrases';
import { renderScheduleRating, SCHEDULE_RATING_PHRASES } from '../../schedule/engine/schedule-rating-phrases';
import { EXCEPTION_PHRASES, renderException } from '../../reporting/exceptions/exception-phrases';
import { isMessageOf } from '../../../common/i18n/phrases';
import type { Locale } from '../../../common/i18n/locale';

/**
 * A sentence the system made for the report (a basis, a line's detail, an exception's
 * description) in the export's locale, from the message kept beside its English text. English
 * prints the text as the API gives it; a text without a message it knows (a report published
 * before messages were kept) prints as stored.
 */
export function reportSentence(message: unknown, english: string | null | undefined, locale: Locale): string | null {
  const fallback = english ?? null;
  if (locale === 'en' || message == null) return fallback;
  try {
    if (isMessageOf(RATING_PHRASES, message)) return renderRating(message, locale);
    if (isMessageOf(SCHEDULE_RATING_PHRASES, message)) return renderScheduleRating(message, locale);
    if (isMessageOf(REPORT_ITEM_PHRASES, message)) return renderReportItem(message, locale);
    if (isMessageOf(EXCEPTION_PHRASES, message)) return renderException(message, locale);
  } catch {
    // A stored message whose parameters this code cannot read: its English text still says it.
  }
  return fallback;
}
