import { RATING_PHRASES, renderBasis, renderRating, type RatingMessage } from './rating-phrases';
import { LOCALES } from '../../common/i18n/locale';

type Texts = Record<'en' | 'ru' | 'id', string>;
const baseline = { name: 'Approved plan', capturedOn: '2026-05-04' };
const two = { items: ['Rollback plan', 'Load test'], more: 0 };
const window = { after: '2026-06-01', through: '2026-06-21' };

const SAMPLES: [RatingMessage, Texts][] = [
  [{ key: 'cost.noBudget', params: {} }, {
    en: 'not rated: the project has no budget (the steering committee sets it with setTolerances)',
    ru: 'не оценивается: у проекта нет бюджета (его задаёт управляющий комитет)',
    id: 'tidak dinilai: proyek belum memiliki anggaran (ditetapkan oleh komite pengarah)',
  }],
  [{ key: 'cost.noForecast', params: { budget: '1000000.00', currency: 'RUB' } }, {
    en: 'not rated: no forecast at completion entered on the report yet (budget 1000000.00 RUB)',
    ru: 'не оценивается: в отчёте ещё нет прогноза затрат (бюджет 1\u00a0000\u00a0000,00 RUB)',
    id: 'tidak dinilai: perkiraan biaya akhir belum diisi di laporan (anggaran 1.000.000,00 RUB)',
  }],
  [{ key: 'cost.rated', params: { forecastAtCompletion: '1070000.00', budget: '1000000.00', currency: 'RUB', side: 'over', percent: 7, tolerancePercent: 10 } }, {
    en: 'forecast at completion 1070000.00 RUB is 7.00 % over budget 1000000.00 RUB; tolerance 10 %',
    ru: 'прогноз затрат 1\u00a0070\u00a0000,00 RUB на 7,00 % выше бюджета 1\u00a0000\u00a0000,00 RUB; допуск 10 %',
    id: 'perkiraan biaya akhir 1.070.000,00 RUB 7,00 % di atas anggaran 1.000.000,00 RUB; toleransi 10 %',
  }],
  [{ key: 'cost.rated', params: { forecastAtCompletion: '950000.50', budget: '1000000.00', currency: 'IDR', side: 'under', percent: 4.99, tolerancePercent: 5 } }, {
    en: 'forecast at completion 950000.50 IDR is 4.99 % under budget 1000000.00 IDR; tolerance 5 %',
    ru: 'прогноз затрат 950\u00a0000,50 IDR на 4,99 % ниже бюджета 1\u00a0000\u00a0000,00 IDR; допуск 5 %',
    id: 'perkiraan biaya akhir 950.000,50 IDR 4,99 % di bawah anggaran 1.000.000,00 IDR; toleransi 5 %',
  }],
  [{ key: 'cost.rated', params: { forecastAtCompletion: '1000000.00', budget: '1000000.00', currency: 'RUB', side: 'equals', percent: 0, tolerancePercent: 10 } }, {
    en: 'forecast at completion 1000000.00 RUB equals budget 1000000.00 RUB; tolerance 10 %',
    ru: 'прогноз затрат 1\u00a0000\u00a0000,00 RUB равен бюджету 1\u00a0000\u00a0000,00 RUB; допуск 10 %',
    id: 'perkiraan biaya akhir 1.000.000,00 RUB sama dengan anggaran 1.000.000,00 RUB; toleransi 10 %',
  }],
  [{ key: 'scope.none', params: { baseline } }, {
    en: 'no MUST criterion waived since baseline "Approved plan" (captured 2026-05-04)',
    ru: 'ни один обязательный критерий не снят с момента базового плана «Approved plan» (зафиксирован 04.05.2026)',
    id: 'tidak ada kriteria wajib yang dikecualikan sejak baseline “Approved plan” (dibuat 04/05/2026)',
  }],
  [{ key: 'scope.none', params: { baseline: null } }, {
    en: 'no MUST criterion waived and no baseline captured yet',
    ru: 'ни один обязательный критерий не снят; базовый план ещё не зафиксирован',
    id: 'tidak ada kriteria wajib yang dikecualikan dan belum ada baseline',
  }],
  [{ key: 'scope.waived', params: { count: 1, baseline, criteria: { items: ['Rollback plan'], more: 0 } } }, {
    en: '1 MUST criterion waived since baseline "Approved plan" (captured 2026-05-04): "Rollback plan"',
    ru: 'снят 1 обязательный критерий с момента базового плана «Approved plan» (зафиксирован 04.05.2026): «Rollback plan»',
    id: '1 kriteria wajib dikecualikan sejak baseline “Approved plan” (dibuat 04/05/2026): “Rollback plan”',
  }],
  [{ key: 'scope.waived', params: { count: 2, baseline, criteria: two } }, {
    en: '2 MUST criteria waived since baseline "Approved plan" (captured 2026-05-04): "Rollback plan", "Load test"',
    ru: 'сняты 2 обязательных критерия с момента базового плана «Approved plan» (зафиксирован 04.05.2026): «Rollback plan», «Load test»',
    id: '2 kriteria wajib dikecualikan sejak baseline “Approved plan” (dibuat 04/05/2026): “Rollback plan”, “Load test”',
  }],
  [{ key: 'scope.waived', params: { count: 5, baseline: null, criteria: { items: ['a', 'b', 'c'], more: 2 } } }, {
    en: '5 MUST criteria waived and no baseline captured yet: "a", "b", "c" and 2 more',
    ru: 'снято 5 обязательных критериев (базовый план ещё не зафиксирован): «a», «b», «c» и ещё 2',
    id: '5 kriteria wajib dikecualikan (belum ada baseline): “a”, “b”, “c” dan 2 lagi',
  }],
  [{ key: 'quality.none', params: {} }, { en: 'no criterion stands rejected', ru: 'отклонённых критериев нет', id: 'tidak ada kriteria yang ditolak' }],
  [{ key: 'quality.must', params: { count: 1, criteria: { items: ['Integrations tested'], more: 0 } } }, {
    en: '1 MUST criterion stands rejected: "Integrations tested"',
    ru: 'отклонён 1 обязательный критерий: «Integrations tested»',
    id: '1 kriteria wajib ditolak: “Integrations tested”',
  }],
  [{ key: 'quality.must', params: { count: 22, criteria: { items: ['a', 'b', 'c'], more: 19 } } }, {
    en: '22 MUST criteria stand rejected: "a", "b", "c" and 19 more',
    ru: 'отклонены 22 обязательных критерия: «a», «b», «c» и ещё 19',
    id: '22 kriteria wajib ditolak: “a”, “b”, “c” dan 19 lagi',
  }],
  [{ key: 'quality.other', params: { count: 2, criteria: two } }, {
    en: '2 SHOULD/COULD criteria stand rejected, no MUST: "Rollback plan", "Load test"',
    ru: 'отклонены 2 желательных или возможных критерия, обязательные не отклонены: «Rollback plan», «Load test»',
    id: '2 kriteria sebaiknya/opsional ditolak, tidak ada yang wajib: “Rollback plan”, “Load test”',
  }],
  [{ key: 'quality.other', params: { count: 11, criteria: { items: ['a', 'b', 'c'], more: 8 } } }, {
    en: '11 SHOULD/COULD criteria stand rejected, no MUST: "a", "b", "c" and 8 more',
    ru: 'отклонено 11 желательных или возможных критериев, обязательные не отклонены: «a», «b», «c» и ещё 8',
    id: '11 kriteria sebaiknya/opsional ditolak, tidak ada yang wajib: “a”, “b”, “c” dan 8 lagi',
  }],
  [{ key: 'risk.none', params: {} }, { en: 'no open risk in the register', ru: 'открытых рисков в реестре нет', id: 'tidak ada risiko terbuka di register' }],
  [{ key: 'risk.open', params: { count: 1, topScore: 2, topTitle: 'risk 2', ownerless: 1, amberScore: 8, redScore: 15 } }, {
    en: '1 open risk, highest score 2 ("risk 2"), 1 without an owner; AMBER from 8 or without an owner, RED from 15',
    ru: '1 открытый риск, наивысшая оценка 2 («risk 2»), 1 без владельца; ЖЁЛТЫЙ от 8 или без владельца, КРАСНЫЙ от 15',
    id: '1 risiko terbuka, skor tertinggi 2 (“risk 2”), 1 tanpa pemilik; KUNING mulai 8 atau tanpa pemilik, MERAH mulai 15',
  }],
  [{ key: 'risk.open', params: { count: 5, topScore: 16, topTitle: 'Data migration late', ownerless: 0, amberScore: 8, redScore: 15 } }, {
    en: '5 open risks, highest score 16 ("Data migration late"); AMBER from 8 or without an owner, RED from 15',
    ru: '5 открытых рисков, наивысшая оценка 16 («Data migration late»); ЖЁЛТЫЙ от 8 или без владельца, КРАСНЫЙ от 15',
    id: '5 risiko terbuka, skor tertinggi 16 (“Data migration late”); KUNING mulai 8 atau tanpa pemilik, MERAH mulai 15',
  }],
  [{ key: 'readiness.none', params: window }, {
    en: 'no milestone goes live after 2026-06-01 through 2026-06-21',
    ru: 'ни одна веха не запускается после 01.06.2026 и до 21.06.2026 включительно',
    id: 'tidak ada milestone yang go-live setelah 01/06/2026 s.d. 21/06/2026',
  }],
  [{ key: 'readiness.allReady', params: { ...window, count: 1 } }, {
    en: 'all 1 milestone going live after 2026-06-01 through 2026-06-21 ready',
    ru: '1 веха с запуском после 01.06.2026 и до 21.06.2026 включительно — готова',
    id: '1 milestone yang go-live setelah 01/06/2026 s.d. 21/06/2026 siap',
  }],
  [{ key: 'readiness.allReady', params: { ...window, count: 3 } }, {
    en: 'all 3 milestones going live after 2026-06-01 through 2026-06-21 ready',
    ru: '3 вехи с запуском после 01.06.2026 и до 21.06.2026 включительно — все готовы',
    id: 'semua 3 milestone yang go-live setelah 01/06/2026 s.d. 21/06/2026 siap',
  }],
  [{ key: 'readiness.notReady', params: {
    ...window, notReady: 1, count: 1, first: 'Wave 2', reasons: [{ key: 'ready.noKeyUsers', params: {} }], others: { items: [], more: 0 },
  } }, {
    en: '1 of 1 milestone going live after 2026-06-01 through 2026-06-21 not ready: "Wave 2" (no key users)',
    ru: 'не готова 1 из 1 вехи с запуском после 01.06.2026 и до 21.06.2026 включительно: «Wave 2» (нет ключевых пользователей)',
    id: '1 dari 1 milestone yang go-live setelah 01/06/2026 s.d. 21/06/2026 belum siap: “Wave 2” (tidak ada key user)',
  }],
  [{ key: 'readiness.notReady', params: {
    ...window, notReady: 2, count: 5, first: 'Wave 2', others: { items: ['Wave 3'], more: 0 },
    reasons: [{ key: 'ready.noKeyUsers', params: {} }, { key: 'ready.endUserAttendance', params: { attended: 8, invited: 10, neededPercent: 90 } }],
  } }, {
    en: '2 of 5 milestones going live after 2026-06-01 through 2026-06-21 not ready: "Wave 2" (no key users; 8 of 10 invited end users attended (90 % needed)) and "Wave 3"',
    ru: 'не готовы 2 из 5 вех с запуском после 01.06.2026 и до 21.06.2026 включительно: «Wave 2» ' +
      '(нет ключевых пользователей; обучение посетили 8 из 10 приглашённых конечных пользователей (нужно 90 %)) и «Wave 3»',
    id: '2 dari 5 milestone yang go-live setelah 01/06/2026 s.d. 21/06/2026 belum siap: “Wave 2” ' +
      '(tidak ada key user; 8 dari 10 pengguna akhir yang diundang hadir (perlu 90 %)) dan “Wave 3”',
  }],
];

describe('rating bases phrasebook', () => {
  it.each(SAMPLES.map(([message, texts], i) => [`${i + 1}. ${message.key}`, message, texts] as const))('%s in en, ru and id', (_name, message, texts) => {
    for (const locale of LOCALES) expect(renderRating(message, locale)).toBe(texts[locale]);
  });

  it('has every key in every locale, and each key is shown above', () => {
    const keys = Object.keys(RATING_PHRASES.en).sort();
    for (const locale of LOCALES) expect(Object.keys(RATING_PHRASES[locale]).sort()).toEqual(keys);
    expect([...new Set(SAMPLES.map(([m]) => m.key))].sort()).toEqual(keys);
  });

  it('declines the Russian count of criteria: 1 критерий, 2 критерия, 5 критериев', () => {
    const must = (count: number) => renderRating({ key: 'quality.must', params: { count, criteria: { items: ['x'], more: count - 1 } } }, 'ru');
    expect(must(1)).toMatch(/^отклонён 1 обязательный критерий:/);
    expect(must(2)).toMatch(/^отклонены 2 обязательных критерия:/);
    expect(must(5)).toMatch(/^отклонено 5 обязательных критериев:/);
    expect(must(21)).toMatch(/^отклонён 21 обязательный критерий:/);
  });

  it('renders any basis, the schedule\'s too', () => {
    expect(renderBasis({ key: 'schedule.noBaseline', params: { forecastFinish: '2026-09-14' } }, 'id')).toMatch(/^belum ada baseline: perkiraan selesai 14\/09\/2026/);
    expect(renderBasis({ key: 'risk.none', params: {} }, 'ru')).toBe('открытых рисков в реестре нет');
  });
});
