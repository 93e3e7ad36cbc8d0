import { pluralRu, renderer, type Phrasebooks } from '../../common/i18n/phrases';

/** Why a milestone is not ready (`notReadyReasons`), as a message; names of areas and territories are as entered. */
export type ReadinessReasonMessage =
  | { key: 'ready.coverageGap'; params: { functionArea: string; territory: string | null; qualified: number; required: number } }
  | { key: 'ready.noKeyUsers'; params: Record<string, never> }
  | { key: 'ready.keyUsersUntrained'; params: { untrained: number; keyUsers: number } }
  | { key: 'ready.endUserAttendance'; params: { attended: number; invited: number; neededPercent: number } };

const cell = (p: { functionArea: string; territory: string | null }) => `${p.functionArea}${p.territory ? ` / ${p.territory}` : ''}`;

export const READINESS_REASON_PHRASES: Phrasebooks<ReadinessReasonMessage> = {
  en: {
    'ready.coverageGap': (p) => `key-user coverage gap: ${cell(p)}: ${p.qualified} of ${p.required} qualified`,
    'ready.noKeyUsers': () => 'no key users',
    'ready.keyUsersUntrained': (p) => `${p.untrained} of ${p.keyUsers} key users have not attended a key-user session`,
    'ready.endUserAttendance': (p) => `${p.attended} of ${p.invited} invited end users attended (${p.neededPercent} % needed)`,
  },
  ru: {
    'ready.coverageGap': (p) => `нехватка ключевых пользователей: ${cell(p)}: квалифицированных ${p.qualified} из ${p.required}`,
    'ready.noKeyUsers': () => 'нет ключевых пользователей',
    'ready.keyUsersUntrained': (p) => `${p.untrained} из ${p.keyUsers} ${pluralRu(p.keyUsers, 'ключевого пользователя', 'ключевых пользователей', 'ключевых пользователей')} ` +
      `${pluralRu(p.untrained, 'ещё не обучен', 'ещё не обучены', 'ещё не обучены')}`,
    'ready.endUserAttendance': (p) => `обучение ${pluralRu(p.attended, 'посетил', 'посетили', 'посетили')} ${p.attended} из ${p.invited} ` +
      `${pluralRu(p.invited, 'приглашённого конечного пользователя', 'приглашённых конечных пользователей', 'приглашённых конечных пользователей')} (нужно ${p.neededPercent} %)`,
  },
  id: {
    'ready.coverageGap': (p) => `kekurangan key user: ${cell(p)}: ${p.qualified} dari ${p.required} memenuhi syarat`,
    'ready.noKeyUsers': () => 'tidak ada key user',
    'ready.keyUsersUntrained': (p) => `${p.untrained} dari ${p.keyUsers} key user belum mengikuti sesi key user`,
    'ready.endUserAttendance': (p) => `${p.attended} dari ${p.invited} pengguna akhir yang diundang hadir (perlu ${p.neededPercent} %)`,
  },
};

export const renderReadinessReason = renderer(READINESS_REASON_PHRASES);
