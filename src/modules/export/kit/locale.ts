import { badInput } from '../../../common/errors/domain-error';
import { LOCALES, type Locale } from './labels';

/**
 * Excel number formats per locale. A format code's separators follow the reader's Excel, but
 * month names and the order of day, month and year are the file's: the `[$-LCID]` prefix makes
 * Excel and LibreOffice print Russian or Indonesian month names whatever the reader's settings.
 */
export interface LocaleFormats {
  /** A calendar date in a table: 02.03.2026, 02/03/2026, 02 Mar 2026. */
  date: string;
  /** A date and time (when a workbook was generated). */
  dateTime: string;
  /** A week's column head in a Gantt chart: day and short month. */
  weekHead: string;
  /** A month's column head (in a long plan's Gantt chart). */
  monthHead: string;
  /** Whole working days, signed for a variance: +3, -2, 0. */
  signedDays: string;
  days: string;
  percent: string;
}

const FORMATS: Record<Locale, LocaleFormats> = {
  en: { date: '[$-809]dd mmm yyyy', dateTime: '[$-809]dd mmm yyyy hh:mm', weekHead: '[$-809]dd mmm', monthHead: '[$-809]mmm yy', signedDays: '+0;-0;0', days: '0', percent: '0%' },
  ru: { date: '[$-419]dd.mm.yyyy', dateTime: '[$-419]dd.mm.yyyy hh:mm', weekHead: '[$-419]dd.mm', monthHead: '[$-419]mmm yy', signedDays: '+0;-0;0', days: '0', percent: '0%' },
  id: { date: '[$-421]dd/mm/yyyy', dateTime: '[$-421]dd/mm/yyyy hh:mm', weekHead: '[$-421]dd/mm', monthHead: '[$-421]mmm yy', signedDays: '+0;-0;0', days: '0', percent: '0%' },
};

/** The `locale` argument of an export: one of en, ru, id (default en); anything else is refused. */
export function parseLocale(value: string | null | undefined): Locale {
  const locale = (value ?? 'en').trim().toLowerCase();
  if ((LOCALES as readonly string[]).includes(locale)) return locale as Locale;
  throw badInput(`Exports come in ${LOCALES.join(', ')}; "${value}" is not one of them`, 'locale');
}

export function formatsOf(locale: Locale): LocaleFormats {
  return FORMATS[locale];
}

/** An ISO date ("2026-03-02") as the Date exceljs writes as that calendar day (a serial number, no time zone shift). */
export function excelDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  let date = dates.get(iso);
  if (!date) {
    // Plans repeat the same few thousand dates; exceljs only reads these objects.
    if (dates.size >= 50_000) dates.clear();
    dates.set(iso, (date = new Date(`${iso.slice(0, 10)}T00:00:00Z`)));
  }
  return date;
}

const dates = new Map<string, Date>();
