import type { LabelSet } from '../kit/labels';
import type { Locale } from '../../../common/i18n/locale';

/** The plan workbook's texts; the template's Labels sheet may override each (keys as here). */
export const PLAN_LABELS: Record<Locale, LabelSet> = {
  en: {
    title: 'Project plan',
    client: 'Client', calendar: 'Calendar', statusDate: 'Status date', baseline: 'Baseline', noBaseline: 'none captured yet', noStatusDate: 'not set (plan only)',
    'col.wbs': 'WBS', 'col.name': 'Name', 'col.area': 'Function area', 'col.territory': 'Territory', 'col.duration': 'Duration, d',
    'col.start': 'Start', 'col.finish': 'Finish', 'col.baselineStart': 'Baseline start', 'col.baselineFinish': 'Baseline finish',
    'col.variance': 'Variance, d', 'col.float': 'Total float, d', 'col.critical': 'Critical', 'col.predecessors': 'Predecessors',
    'col.percent': '% complete', 'col.actualStart': 'Actual start', 'col.actualFinish': 'Actual finish',
    'legend.critical': 'Critical', 'legend.normal': 'Other work', 'legend.done': 'Done', 'legend.milestone': 'Go-live', 'legend.statusDate': 'Status date',
    'group.rollout': 'Rollout milestones', 'group.other': 'Other work',
    'rollout.title': 'Rollout by function area and territory', 'rollout.area': 'Function area', 'rollout.allTerritories': 'All territories', 'rollout.noArea': 'All function areas',
    'rollout.goLive': 'Go-live', 'rollout.baseline': 'Baseline', 'rollout.status': 'Status',
  },
  ru: {
    title: 'План проекта',
    client: 'Заказчик', calendar: 'Календарь', statusDate: 'Дата отчёта', baseline: 'Базовый план', noBaseline: 'ещё не сохранён', noStatusDate: 'не задана (только план)',
    'col.wbs': 'СДР', 'col.name': 'Название', 'col.area': 'Функция', 'col.territory': 'Территория', 'col.duration': 'Длит., дн',
    'col.start': 'Начало', 'col.finish': 'Окончание', 'col.baselineStart': 'Базовое начало', 'col.baselineFinish': 'Базовое окончание',
    'col.variance': 'Отклонение, дн', 'col.float': 'Резерв, дн', 'col.critical': 'Критич.', 'col.predecessors': 'Предшественники',
    'col.percent': '% выполн.', 'col.actualStart': 'Факт. начало', 'col.actualFinish': 'Факт. окончание',
    'legend.critical': 'Критический путь', 'legend.normal': 'Прочие работы', 'legend.done': 'Выполнено', 'legend.milestone': 'Запуск', 'legend.statusDate': 'Дата отчёта',
    'group.rollout': 'Вехи тиражирования', 'group.other': 'Прочие работы',
    'rollout.title': 'Тиражирование по функциям и территориям', 'rollout.area': 'Функция', 'rollout.allTerritories': 'Все территории', 'rollout.noArea': 'Все функции',
    'rollout.goLive': 'Запуск', 'rollout.baseline': 'Базовый', 'rollout.status': 'Статус',
  },
  id: {
    title: 'Rencana proyek',
    client: 'Klien', calendar: 'Kalender', statusDate: 'Tanggal status', baseline: 'Baseline', noBaseline: 'belum ada', noStatusDate: 'belum diatur (rencana saja)',
    'col.wbs': 'WBS', 'col.name': 'Nama', 'col.area': 'Area fungsi', 'col.territory': 'Wilayah', 'col.duration': 'Durasi, h',
    'col.start': 'Mulai', 'col.finish': 'Selesai', 'col.baselineStart': 'Mulai baseline', 'col.baselineFinish': 'Selesai baseline',
    'col.variance': 'Selisih, h', 'col.float': 'Total float, h', 'col.critical': 'Kritis', 'col.predecessors': 'Pendahulu',
    'col.percent': '% selesai', 'col.actualStart': 'Mulai aktual', 'col.actualFinish': 'Selesai aktual',
    'legend.critical': 'Kritis', 'legend.normal': 'Pekerjaan lain', 'legend.done': 'Selesai', 'legend.milestone': 'Go-live', 'legend.statusDate': 'Tanggal status',
    'group.rollout': 'Milestone rollout', 'group.other': 'Pekerjaan lain',
    'rollout.title': 'Rollout per area fungsi dan wilayah', 'rollout.area': 'Area fungsi', 'rollout.allTerritories': 'Semua wilayah', 'rollout.noArea': 'Semua area fungsi',
    'rollout.goLive': 'Go-live', 'rollout.baseline': 'Baseline', 'rollout.status': 'Status',
  },
};
