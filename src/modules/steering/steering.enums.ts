import { registerEnumType } from '@nestjs/graphql';

export enum MeetingKind {
  STEERING = 'STEERING',
  WEEKLY_STATUS = 'WEEKLY_STATUS',
}
registerEnumType(MeetingKind, { name: 'MeetingKind' });

export enum DecisionStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}
registerEnumType(DecisionStatus, { name: 'DecisionStatus' });

/** Where a decision of the decision log was taken; declared in the order a tie of one instant reads. */
export enum DecisionKind {
  MEETING = 'MEETING',
  GATE = 'GATE',
  WAIVER = 'WAIVER',
  EXCEPTION = 'EXCEPTION',
  SUPPORT_TRANSITION = 'SUPPORT_TRANSITION',
}
registerEnumType(DecisionKind, { name: 'DecisionKind' });
