import { renderReportItem, REPORT_ITEM_PHRASES, type ReportItemMessage } from './report-content-phrases';
import { LOCALES } from '../../common/i18n/locale';

const SAMPLES: [ReportItemMessage, Record<'en' | 'ru' | 'id', string>][] = [
  [{ key: 'item.taskFinished', params: {} }, { en: 'task finished', ru: 'задача завершена', id: 'tugas selesai' }],
  [{ key: 'item.milestoneWentLive', params: {} }, { en: 'milestone went live', ru: 'веха запущена', id: 'milestone sudah go-live' }],
  [{ key: 'item.criterionConfirmed', params: { priority: 'MUST' } }, {
    en: 'criterion confirmed (MUST)', ru: 'критерий подтверждён (обязательный)', id: 'kriteria dikonfirmasi (wajib)',
  }],
  [{ key: 'item.criterionWaived', params: { priority: 'SHOULD', reason: 'Agreed with the client' } }, {
    en: 'criterion waived (SHOULD): Agreed with the client', ru: 'критерий снят (желательный): Agreed with the client', id: 'kriteria dikecualikan (sebaiknya): Agreed with the client',
  }],
  [{ key: 'item.criterionWaived', params: { priority: 'COULD', reason: null } }, {
    en: 'criterion waived (COULD)', ru: 'критерий снят (возможный)', id: 'kriteria dikecualikan (opsional)',
  }],
  [{ key: 'item.gateDecision', params: { outcome: 'APPROVED', conditions: null } }, {
    en: 'gate decision APPROVED', ru: 'решение: одобрено', id: 'keputusan: disetujui',
  }],
  [{ key: 'item.gateDecision', params: { outcome: 'APPROVED_WITH_CONDITIONS', conditions: 'Hypercare staffed' } }, {
    en: 'gate decision APPROVED_WITH_CONDITIONS: Hypercare staffed', ru: 'решение: одобрено с условиями: Hypercare staffed',
    id: 'keputusan: disetujui dengan syarat: Hypercare staffed',
  }],
  [{ key: 'item.gateDecision', params: { outcome: 'REJECTED', conditions: null } }, { en: 'gate decision REJECTED', ru: 'решение: отклонено', id: 'keputusan: ditolak' }],
  [{ key: 'item.gateOfStage', params: { stage: 'Diagnostics' } }, {
    en: 'Gate of stage "Diagnostics"', ru: 'Решение по этапу «Diagnostics»', id: 'Keputusan tahap “Diagnostics”',
  }],
  [{ key: 'item.supportTransition', params: {} }, { en: 'Support transition', ru: 'Передача на сопровождение', id: 'Transisi ke tim dukungan' }],
  [{ key: 'item.taskStarts', params: {} }, { en: 'task starts', ru: 'начало задачи', id: 'tugas dimulai' }],
  [{ key: 'item.milestoneGoesLive', params: {} }, { en: 'milestone goes live', ru: 'запуск вехи', id: 'milestone go-live' }],
  [{ key: 'item.risk', params: { score: 16, probability: 4, impact: 4, owner: 'Pavel PM', response: 'REDUCE' } }, {
    en: 'score 16 (probability 4 × impact 4); owner: Pavel PM; response REDUCE',
    ru: 'оценка 16 (вероятность 4 × влияние 4); владелец: Pavel PM; реагирование: снижение',
    id: 'skor 16 (probabilitas 4 × dampak 4); pemilik: Pavel PM; respons: kurangi',
  }],
  [{ key: 'item.risk', params: { score: 2, probability: 1, impact: 2, owner: null, response: null } }, {
    en: 'score 2 (probability 1 × impact 2); owner: none',
    ru: 'оценка 2 (вероятность 1 × влияние 2); владелец: не назначен',
    id: 'skor 2 (probabilitas 1 × dampak 2); pemilik: belum ada',
  }],
  [{ key: 'item.issue', params: { priority: 'HIGH', type: 'OFF_SPECIFICATION', owner: 'Pavel PM' } }, {
    en: 'HIGH OFF_SPECIFICATION; owner: Pavel PM',
    ru: 'отклонение от спецификации, приоритет высокий; владелец: Pavel PM',
    id: 'penyimpangan spesifikasi, prioritas tinggi; pemilik: Pavel PM',
  }],
  [{ key: 'item.issue', params: { priority: 'LOW', type: 'REQUEST_FOR_CHANGE', owner: null } }, {
    en: 'LOW REQUEST_FOR_CHANGE; owner: none',
    ru: 'запрос на изменение, приоритет низкий; владелец: не назначен',
    id: 'permintaan perubahan, prioritas rendah; pemilik: belum ada',
  }],
];

describe('report lines phrasebook', () => {
  it.each(SAMPLES.map(([message, texts], i) => [`${i + 1}. ${message.key}`, message, texts] as const))('%s in en, ru and id', (_name, message, texts) => {
    for (const locale of LOCALES) expect(renderReportItem(message, locale)).toBe(texts[locale]);
  });

  it('has every key in every locale, and each key is shown above', () => {
    const keys = Object.keys(REPORT_ITEM_PHRASES.en).sort();
    for (const locale of LOCALES) expect(Object.keys(REPORT_ITEM_PHRASES[locale]).sort()).toEqual(keys);
    expect([...new Set(SAMPLES.map(([m]) => m.key))].sort()).toEqual(keys);
  });

  it('words every value of the API\'s enums, and prints one it does not know as the API spells it', () => {
    for (const locale of ['ru', 'id'] as const) {
      for (const response of ['AVOID', 'REDUCE', 'TRANSFER', 'ACCEPT', 'SHARE']) {
        expect(renderReportItem({ key: 'item.risk', params: { score: 1, probability: 1, impact: 1, owner: null, response } }, locale)).not.toContain(response);
      }
      for (const type of ['REQUEST_FOR_CHANGE', 'OFF_SPECIFICATION', 'PROBLEM']) {
        for (const priority of ['HIGH', 'MEDIUM', 'LOW']) {
          const text = renderReportItem({ key: 'item.issue', params: { priority, type, owner: null } }, locale);
          expect(text).not.toMatch(/[A-Z]{3,}/);
        }
      }
    }
    expect(renderReportItem({ key: 'item.gateDecision', params: { outcome: 'POSTPONED', conditions: null } }, 'ru')).toBe('решение: POSTPONED');
  });
});
