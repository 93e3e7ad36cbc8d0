import { READINESS_REASON_PHRASES, renderReadinessReason, type ReadinessReasonMessage } from './readiness-phrases';
import { LOCALES } from '../../common/i18n/locale';

const SAMPLES: [ReadinessReasonMessage, Record<'en' | 'ru' | 'id', string>][] = [
  [{ key: 'ready.coverageGap', params: { functionArea: 'Order intake', territory: 'Plant 2', qualified: 0, required: 1 } }, {
    en: 'key-user coverage gap: Order intake / Plant 2: 0 of 1 qualified',
    ru: 'нехватка ключевых пользователей: Order intake / Plant 2: квалифицированных 0 из 1',
    id: 'kekurangan key user: Order intake / Plant 2: 0 dari 1 memenuhi syarat',
  }],
  [{ key: 'ready.coverageGap', params: { functionArea: 'Продажи', territory: null, qualified: 1, required: 2 } }, {
    en: 'key-user coverage gap: Продажи: 1 of 2 qualified',
    ru: 'нехватка ключевых пользователей: Продажи: квалифицированных 1 из 2',
    id: 'kekurangan key user: Продажи: 1 dari 2 memenuhi syarat',
  }],
  [{ key: 'ready.noKeyUsers', params: {} }, { en: 'no key users', ru: 'нет ключевых пользователей', id: 'tidak ada key user' }],
  [{ key: 'ready.keyUsersUntrained', params: { untrained: 1, keyUsers: 2 } }, {
    en: '1 of 2 key users have not attended a key-user session',
    ru: '1 из 2 ключевых пользователей ещё не обучен',
    id: '1 dari 2 key user belum mengikuti sesi key user',
  }],
  [{ key: 'ready.keyUsersUntrained', params: { untrained: 3, keyUsers: 21 } }, {
    en: '3 of 21 key users have not attended a key-user session',
    ru: '3 из 21 ключевого пользователя ещё не обучены',
    id: '3 dari 21 key user belum mengikuti sesi key user',
  }],
  [{ key: 'ready.endUserAttendance', params: { attended: 8, invited: 10, neededPercent: 90 } }, {
    en: '8 of 10 invited end users attended (90 % needed)',
    ru: 'обучение посетили 8 из 10 приглашённых конечных пользователей (нужно 90 %)',
    id: '8 dari 10 pengguna akhir yang diundang hadir (perlu 90 %)',
  }],
  [{ key: 'ready.endUserAttendance', params: { attended: 21, invited: 31, neededPercent: 90 } }, {
    en: '21 of 31 invited end users attended (90 % needed)',
    ru: 'обучение посетил 21 из 31 приглашённого конечного пользователя (нужно 90 %)',
    id: '21 dari 31 pengguna akhir yang diundang hadir (perlu 90 %)',
  }],
];

describe('readiness reasons phrasebook', () => {
  it.each(SAMPLES.map(([message, texts], i) => [`${i + 1}. ${message.key}`, message, texts] as const))('%s in en, ru and id', (_name, message, texts) => {
    for (const locale of LOCALES) expect(renderReadinessReason(message, locale)).toBe(texts[locale]);
  });

  it('has every key in every locale, and each key is shown above', () => {
    const keys = Object.keys(READINESS_REASON_PHRASES.en).sort();
    for (const locale of LOCALES) expect(Object.keys(READINESS_REASON_PHRASES[locale]).sort()).toEqual(keys);
    expect([...new Set(SAMPLES.map(([m]) => m.key))].sort()).toEqual(keys);
  });
});
