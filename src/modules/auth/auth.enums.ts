import { registerEnumType } from '@nestjs/graphql';

export enum Organization {
  CLIENT = 'CLIENT',
  INTEGRATOR = 'INTEGRATOR',
}
registerEnumType(Organization, { name: 'Organization' });

export enum ProjectRole {
  PROJECT_MANAGER = 'PROJECT_MANAGER',
  STEERING_COMMITTEE = 'STEERING_COMMITTEE',
  KEY_USER = 'KEY_USER',
  CONSULTANT = 'CONSULTANT',
  TRAINER = 'TRAINER',
  OBSERVER = 'OBSERVER',
}
registerEnumType(ProjectRole, { name: 'ProjectRole' });
