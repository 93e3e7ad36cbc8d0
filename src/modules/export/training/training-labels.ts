import type { LabelSet } from '../kit/labels';
import type { Locale } from '../../../common/i18n/locale';

/** The training schedule's texts; the template's Labels sheet may override each (keys as here). */
export const TRAINING_LABELS: Record<Locale, LabelSet> = {
  en: {
    title: 'Training schedule', client: 'Client', sessionsCount: 'Sessions',
    'col.date': 'Date', 'col.from': 'From', 'col.to': 'To', 'col.timeZone': 'Time zone', 'col.title': 'Session', 'col.trainer': 'Trainer', 'col.format': 'Format',
    'col.place': 'Place or link', 'col.audience': 'Audience', 'col.area': 'Function area', 'col.territory': 'Territory',
    'col.capacity': 'Capacity', 'col.invited': 'Invited', 'col.attended': 'Attended', 'col.state': 'State',
    'format.ONSITE': 'On site', 'format.REMOTE': 'Remote',
    'audience.KEY_USERS': 'Key users', 'audience.END_USERS': 'End users', 'audience.SUPPORT_TEAM': 'Support team',
    'state.SCHEDULED': 'Scheduled', 'state.HELD': 'Held', 'state.CANCELLED': 'Cancelled',
    'matrix.title': 'Attendance', 'matrix.person': 'Person', 'matrix.organization': 'Organisation', 'matrix.invited': 'Invited', 'matrix.attended': 'Attended',
    'org.CLIENT': 'Client', 'org.INTEGRATOR': 'Integrator',
    'mark.INVITED': '○', 'mark.ATTENDED': '✓', 'mark.ABSENT': '✗', 'mark.EXCUSED': 'E',
    'legend.INVITED': 'invited', 'legend.ATTENDED': 'attended', 'legend.ABSENT': 'absent', 'legend.EXCUSED': 'excused',
    'none.sessions': 'No training sessions are scheduled.', utc: 'UTC',
  },
  ru: {
    title: 'График обучения', client: 'Заказчик', sessionsCount: 'Занятий',
    'col.date': 'Дата', 'col.from': 'С', 'col.to': 'До', 'col.timeZone': 'Часовой пояс', 'col.title': 'Занятие', 'col.trainer': 'Тренер', 'col.format': 'Формат',
    'col.place': 'Место или ссылка', 'col.audience': 'Аудитория', 'col.area': 'Функция', 'col.territory': 'Территория',
    'col.capacity': 'Мест', 'col.invited': 'Приглашено', 'col.attended': 'Пришло', 'col.state': 'Состояние',
    'format.ONSITE': 'Очно', 'format.REMOTE': 'Дистанционно',
    'audience.KEY_USERS': 'Ключевые пользователи', 'audience.END_USERS': 'Конечные пользователи', 'audience.SUPPORT_TEAM': 'Поддержка',
    'state.SCHEDULED': 'Запланировано', 'state.HELD': 'Проведено', 'state.CANCELLED': 'Отменено',
    'matrix.title': 'Посещаемость', 'matrix.person': 'Участник', 'matrix.organization': 'Организация', 'matrix.invited': 'Приглашён', 'matrix.attended': 'Был',
    'org.CLIENT': 'Заказчик', 'org.INTEGRATOR': 'Исполнитель',
    'mark.INVITED': '○', 'mark.ATTENDED': '✓', 'mark.ABSENT': '✗', 'mark.EXCUSED': 'У',
    'legend.INVITED': 'приглашён', 'legend.ATTENDED': 'присутствовал', 'legend.ABSENT': 'отсутствовал', 'legend.EXCUSED': 'уважительная причина',
    'none.sessions': 'Занятия не запланированы.', utc: 'UTC',
  },
  id: {
    title: 'Jadwal pelatihan', client: 'Klien', sessionsCount: 'Sesi',
    'col.date': 'Tanggal', 'col.from': 'Mulai', 'col.to': 'Selesai', 'col.timeZone': 'Zona waktu', 'col.title': 'Sesi', 'col.trainer': 'Pelatih', 'col.format': 'Format',
    'col.place': 'Tempat atau tautan', 'col.audience': 'Peserta', 'col.area': 'Area fungsi', 'col.territory': 'Wilayah',
    'col.capacity': 'Kapasitas', 'col.invited': 'Diundang', 'col.attended': 'Hadir', 'col.state': 'Keadaan',
    'format.ONSITE': 'Tatap muka', 'format.REMOTE': 'Daring',
    'audience.KEY_USERS': 'Pengguna kunci', 'audience.END_USERS': 'Pengguna akhir', 'audience.SUPPORT_TEAM': 'Tim dukungan',
    'state.SCHEDULED': 'Terjadwal', 'state.HELD': 'Terlaksana', 'state.CANCELLED': 'Dibatalkan',
    'matrix.title': 'Kehadiran', 'matrix.person': 'Peserta', 'matrix.organization': 'Organisasi', 'matrix.invited': 'Diundang', 'matrix.attended': 'Hadir',
    'org.CLIENT': 'Klien', 'org.INTEGRATOR': 'Integrator',
    'mark.INVITED': '○', 'mark.ATTENDED': '✓', 'mark.ABSENT': '✗', 'mark.EXCUSED': 'I',
    'legend.INVITED': 'diundang', 'legend.ATTENDED': 'hadir', 'legend.ABSENT': 'tidak hadir', 'legend.EXCUSED': 'izin',
    'none.sessions': 'Belum ada sesi pelatihan.', utc: 'UTC',
  },
};
