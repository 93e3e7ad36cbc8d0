import { badInput } from '../errors/domain-error';

/** The languages the product writes in: workbooks, and sentences inside them. */
export const LOCALES = ['en', 'ru', 'id'] as const;
export type Locale = (typeof LOCALES)[number];

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

const MONTHS: Record<Locale, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  ru: ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
};

/**
 * An ISO date ("2026-03-02") as text in the locale's date format (`formatsOf(locale).date`), for
 * a date inside a sentence: 02.03.2026, 02/03/2026, 02 Mar 2026 — as the date cells beside it read.
 */
export function dateText(iso: string, locale: Locale): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return formatsOf(locale).date
    .replace(/^\[\$-[0-9A-Fa-f]+\]/, '')
    .replace(/"([^"]*)"|yyyy|mmm|mm|dd/g, (token, literal: string | undefined) => {
      if (literal !== undefined) return literal;
      if (token === 'yyyy') return year;
      if (token === 'mmm') return MONTHS[locale][Number(month) - 1];
      return token === 'mm' ? month : day;
    });
}

/**
 * A number's separators inside a sentence. A number cell takes the reader's separators from
 * Excel; text cannot, so it is written with the locale's own (CLDR: a no-break space groups
 * Russian digits, so a number never wraps across lines).
 */
const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
  en: { group: ',', decimal: '.' },
  ru: { group: '\u00a0', decimal: ',' },
  id: { group: '.', decimal: ',' },
};

/**
 * A decimal ("1070000.00", as PostgreSQL numeric gives it, or a number) as text in the locale:
 * 1 070 000,00 / 1.070.000,00 / 1,070,000.00. Exact: the digits are regrouped, never converted.
 */
export function numberText(value: string | number, locale: Locale): string {
  const text = typeof value === 'number' ? String(value) : value;
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const { group, decimal } = SEPARATORS[locale];
  const whole = match[2].replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${match[1]}${whole}${match[3] !== undefined ? `${decimal}${match[3]}` : ''}`;
}
