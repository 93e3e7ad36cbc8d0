import { registerEnumType } from '@nestjs/graphql';

export enum TrainingAudience {
  KEY_USERS = 'KEY_USERS',
  END_USERS = 'END_USERS',
  SUPPORT_TEAM = 'SUPPORT_TEAM',
}
registerEnumType(TrainingAudience, { name: 'TrainingAudience' });

export enum TrainingFormat {
  ONSITE = 'ONSITE',
  REMOTE = 'REMOTE',
}
registerEnumType(TrainingFormat, { name: 'TrainingFormat' });

export enum AttendanceStatus {
  INVITED = 'INVITED',
  ATTENDED = 'ATTENDED',
  ABSENT = 'ABSENT',
  EXCUSED = 'EXCUSED',
}
registerEnumType(AttendanceStatus, { name: 'AttendanceStatus' });
