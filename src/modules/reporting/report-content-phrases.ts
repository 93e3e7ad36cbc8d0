import { quote, renderer, type Phrasebooks } from '../../common/i18n/phrases';
import type { Locale } from '../../common/i18n/locale';

/**
 * The texts a report's lines get from the system (report-content.ts): each line's detail, and the
 * name of a gate decision's line. Enum values (priorities, outcomes, responses, issue types) are
 * parameters as the API spells them; names, reasons and conditions are as entered.
 */
export type ReportItemMessage =
  | { key: 'item.taskFinished'; params: Record<string, never> }
  | { key: 'item.milestoneWentLive'; params: Record<string, never> }
  | { key: 'item.criterionConfirmed'; params: { priority: string } }
  | { key: 'item.criterionWaived'; params: { priority: string; reason: string | null } }
  | { key: 'item.gateDecision'; params: { outcome: string; conditions: string | null } }
  | { key: 'item.gateOfStage'; params: { stage: string } }
  | { key: 'item.supportTransition'; params: Record<string, never> }
  | { key: 'item.taskStarts'; params: Record<string, never> }
  | { key: 'item.milestoneGoesLive'; params: Record<string, never> }
  | { key: 'item.risk'; params: { score: number; probability: number; impact: number; owner: string | null; response: string | null } }
  | { key: 'item.issue'; params: { priority: string; type: string; owner: string | null } };

type Words = Record<string, string>;

/** Enum values in words; a value the table lacks (added to the API later) prints as the API spells it. */
const WORDS: Record<Exclude<Locale, 'en'>, { priority: Words; outcome: Words; response: Words; issueType: Words; issuePriority: Words }> = {
  ru: {
    priority: { MUST: 'обязательный', SHOULD: 'желательный', COULD: 'возможный' },
    outcome: { APPROVED: 'одобрено', APPROVED_WITH_CONDITIONS: 'одобрено с условиями', REJECTED: 'отклонено' },
    response: { AVOID: 'уклонение', REDUCE: 'снижение', TRANSFER: 'передача', ACCEPT: 'принятие', SHARE: 'разделение' },
    issueType: { REQUEST_FOR_CHANGE: 'запрос на изменение', OFF_SPECIFICATION: 'отклонение от спецификации', PROBLEM: 'проблема' },
    issuePriority: { HIGH: 'высокий', MEDIUM: 'средний', LOW: 'низкий' },
  },
  id: {
    priority: { MUST: 'wajib', SHOULD: 'sebaiknya', COULD: 'opsional' },
    outcome: { APPROVED: 'disetujui', APPROVED_WITH_CONDITIONS: 'disetujui dengan syarat', REJECTED: 'ditolak' },
    response: { AVOID: 'hindari', REDUCE: 'kurangi', TRANSFER: 'alihkan', ACCEPT: 'terima', SHARE: 'bagi' },
    issueType: { REQUEST_FOR_CHANGE: 'permintaan perubahan', OFF_SPECIFICATION: 'penyimpangan spesifikasi', PROBLEM: 'masalah' },
    issuePriority: { HIGH: 'tinggi', MEDIUM: 'sedang', LOW: 'rendah' },
  },
};
const word = (locale: Exclude<Locale, 'en'>, table: keyof (typeof WORDS)['ru'], value: string) => WORDS[locale][table][value] ?? value;
const tail = (text: string | null) => (text ? `: ${text}` : '');

export const REPORT_ITEM_PHRASES: Phrasebooks<ReportItemMessage> = {
  en: {
    'item.taskFinished': () => 'task finished',
    'item.milestoneWentLive': () => 'milestone went live',
    'item.criterionConfirmed': (p) => `criterion confirmed (${p.priority})`,
    'item.criterionWaived': (p) => `criterion waived (${p.priority})${tail(p.reason)}`,
    'item.gateDecision': (p) => `gate decision ${p.outcome}${tail(p.conditions)}`,
    'item.gateOfStage': (p) => `Gate of stage "${p.stage}"`,
    'item.supportTransition': () => 'Support transition',
    'item.taskStarts': () => 'task starts',
    'item.milestoneGoesLive': () => 'milestone goes live',
    'item.risk': (p) => `score ${p.score} (probability ${p.probability} × impact ${p.impact}); owner: ${p.owner ?? 'none'}${p.response ? `; response ${p.response}` : ''}`,
    'item.issue': (p) => `${p.priority} ${p.type}; owner: ${p.owner ?? 'none'}`,
  },
  ru: {
    'item.taskFinished': () => 'задача завершена',
    'item.milestoneWentLive': () => 'веха запущена',
    'item.criterionConfirmed': (p) => `критерий подтверждён (${word('ru', 'priority', p.priority)})`,
    'item.criterionWaived': (p) => `критерий снят (${word('ru', 'priority', p.priority)})${tail(p.reason)}`,
    'item.gateDecision': (p) => `решение: ${word('ru', 'outcome', p.outcome)}${tail(p.conditions)}`,
    'item.gateOfStage': (p) => `Решение по этапу ${quote(p.stage, 'ru')}`,
    'item.supportTransition': () => 'Передача на сопровождение',
    'item.taskStarts': () => 'начало задачи',
    'item.milestoneGoesLive': () => 'запуск вехи',
    'item.risk': (p) => `оценка ${p.score} (вероятность ${p.probability} × влияние ${p.impact}); владелец: ${p.owner ?? 'не назначен'}` +
      `${p.response ? `; реагирование: ${word('ru', 'response', p.response)}` : ''}`,
    'item.issue': (p) => `${word('ru', 'issueType', p.type)}, приоритет ${word('ru', 'issuePriority', p.priority)}; владелец: ${p.owner ?? 'не назначен'}`,
  },
  id: {
    'item.taskFinished': () => 'tugas selesai',
    'item.milestoneWentLive': () => 'milestone sudah go-live',
    'item.criterionConfirmed': (p) => `kriteria dikonfirmasi (${word('id', 'priority', p.priority)})`,
    'item.criterionWaived': (p) => `kriteria dikecualikan (${word('id', 'priority', p.priority)})${tail(p.reason)}`,
    'item.gateDecision': (p) => `keputusan: ${word('id', 'outcome', p.outcome)}${tail(p.conditions)}`,
    'item.gateOfStage': (p) => `Keputusan tahap ${quote(p.stage, 'id')}`,
    'item.supportTransition': () => 'Transisi ke tim dukungan',
    'item.taskStarts': () => 'tugas dimulai',
    'item.milestoneGoesLive': () => 'milestone go-live',
    'item.risk': (p) => `skor ${p.score} (probabilitas ${p.probability} × dampak ${p.impact}); pemilik: ${p.owner ?? 'belum ada'}` +
      `${p.response ? `; respons: ${word('id', 'response', p.response)}` : ''}`,
    'item.issue': (p) => `${word('id', 'issueType', p.type)}, prioritas ${word('id', 'issuePriority', p.priority)}; pemilik: ${p.owner ?? 'belum ada'}`,
  },
};

export const renderReportItem = renderer(REPORT_ITEM_PHRASES);
