import { registerEnumType } from '@nestjs/graphql';

export enum StageKind {
  DIAGNOSTICS = 'DIAGNOSTICS',
  ANALYSIS = 'ANALYSIS',
  CONFIGURATION = 'CONFIGURATION',
  DEPLOYMENT_PILOT = 'DEPLOYMENT_PILOT',
  SUPPORT_TRANSITION = 'SUPPORT_TRANSITION',
  CUSTOM = 'CUSTOM',
}
registerEnumType(StageKind, { name: 'StageKind' });

export enum StageStatus {
  NOT_STARTED = 'NOT_STARTED',
  ACTIVE = 'ACTIVE',
  AWAITING_GATE = 'AWAITING_GATE',
  CLOSED = 'CLOSED',
}
registerEnumType(StageStatus, { name: 'StageStatus' });

export enum GateOutcome {
  APPROVED = 'APPROVED',
  APPROVED_WITH_CONDITIONS = 'APPROVED_WITH_CONDITIONS',
  REJECTED = 'REJECTED',
}
registerEnumType(GateOutcome, { name: 'GateOutcome' });
