import { registerEnumType } from '@nestjs/graphql';

export enum ProjectStatus {
  PLANNING = 'PLANNING',
  IN_PROGRESS = 'IN_PROGRESS',
  PILOT = 'PILOT',
  IN_SUPPORT = 'IN_SUPPORT',
  CLOSED = 'CLOSED',
  ON_HOLD = 'ON_HOLD',
}
registerEnumType(ProjectStatus, { name: 'ProjectStatus' });
