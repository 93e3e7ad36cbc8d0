import { reportSentence } from './status-report-phrases';

describe('a report\'s sentences in the export\'s locale', () => {
  it('prints the English text as the API gives it in an English export', () => {
    expect(reportSentence({ key: 'risk.none', params: {} }, 'no open risk in the register', 'en')).toBe('no open risk in the register');
    expect(reportSentence(undefined, 'as stored', 'en')).toBe('as stored');
  });

  it('renders each area\'s messages in Russian and Indonesian', () => {
    expect(reportSentence({ key: 'risk.none', params: {} }, 'x', 'ru')).toBe('открытых рисков в реестре нет');
    expect(reportSentence({ key: 'schedule.noBaseline', params: { forecastFinish: '2026-09-14' } }, 'x', 'id'))
      .toBe('belum ada baseline: perkiraan selesai 14/09/2026 tidak dapat diukur; tetapkan baseline');
    expect(reportSentence({ key: 'item.taskStarts', params: {} }, 'task starts', 'ru')).toBe('начало задачи');
    expect(reportSentence({ key: 'exception.description', params: {
      periodStart: '2026-03-02', periodEnd: '2026-03-13', basis: { key: 'schedule.noBaseline', params: { forecastFinish: '2026-09-14' } },
    } }, 'x', 'ru')).toMatch(/^Отчёт о статусе 02\.03\.2026 – 13\.03\.2026: базового плана нет/);
  });

  it('falls back to the stored English text without a message, with an unknown key or with parameters it cannot read', () => {
    expect(reportSentence(undefined, 'forecast 2026-09-14 is on baseline 2026-09-14; tolerance 10', 'ru')).toBe('forecast 2026-09-14 is on baseline 2026-09-14; tolerance 10');
    expect(reportSentence(null, null, 'id')).toBeNull();
    expect(reportSentence({ key: 'item.renamedSince', params: {} }, 'task finished', 'ru')).toBe('task finished');
    expect(reportSentence({ key: 'quality.must', params: {} }, '1 MUST criterion stands rejected: "x"', 'ru')).toBe('1 MUST criterion stands rejected: "x"');
    expect(reportSentence('task finished', 'task finished', 'id')).toBe('task finished');
  });
});
