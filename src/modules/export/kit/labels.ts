import type { Locale } from '../../../common/i18n/locale';

/**
 * The texts every workbook prints, per locale: the defaults a template's `Labels` sheet starts
 * from (scripts/make-excel-templates.mjs writes them there) and falls back to for a key the
 * template lacks. A client changes a text in the template's `Labels` sheet, not here.
 */
export type LabelSet = Record<string, string>;

/** Texts shared by every workbook. */
export const COMMON_LABELS: Record<Locale, LabelSet> = {
  en: {
    generated: 'Generated', page: 'Page &P of &N', yes: 'Yes', no: 'No', none: '—',
    'status.PLANNED': 'Planned', 'status.PREPARING': 'Preparing', 'status.LAUNCHED': 'Launched', 'status.HYPERCARE': 'Hypercare', 'status.ACCEPTED': 'Accepted',
    'status.NOT_STARTED': 'Not started', 'status.ACTIVE': 'Active', 'status.AWAITING_GATE': 'Awaiting gate', 'status.CLOSED': 'Closed',
    dayUnit: 'd',
  },
  ru: {
    generated: 'Сформирован', page: 'Стр. &P из &N', yes: 'Да', no: 'Нет', none: '—',
    'status.PLANNED': 'Запланирован', 'status.PREPARING': 'Подготовка', 'status.LAUNCHED': 'Запущен', 'status.HYPERCARE': 'Сопровождение', 'status.ACCEPTED': 'Принят',
    'status.NOT_STARTED': 'Не начат', 'status.ACTIVE': 'Идёт', 'status.AWAITING_GATE': 'Ждёт решения', 'status.CLOSED': 'Закрыт',
    dayUnit: 'дн',
  },
  id: {
    generated: 'Dibuat', page: 'Hal. &P dari &N', yes: 'Ya', no: 'Tidak', none: '—',
    'status.PLANNED': 'Direncanakan', 'status.PREPARING': 'Persiapan', 'status.LAUNCHED': 'Diluncurkan', 'status.HYPERCARE': 'Hypercare', 'status.ACCEPTED': 'Diterima',
    'status.NOT_STARTED': 'Belum mulai', 'status.ACTIVE': 'Berjalan', 'status.AWAITING_GATE': 'Menunggu keputusan', 'status.CLOSED': 'Ditutup',
    dayUnit: 'h',
  },
};
