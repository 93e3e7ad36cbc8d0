import { registerEnumType } from '@nestjs/graphql';

export enum CriterionKind {
  EXIT = 'EXIT',
  ACCEPTANCE = 'ACCEPTANCE',
  COMPLETION = 'COMPLETION',
}
registerEnumType(CriterionKind, { name: 'CriterionKind' });

export enum Priority {
  MUST = 'MUST',
  SHOULD = 'SHOULD',
  COULD = 'COULD',
}
registerEnumType(Priority, { name: 'Priority' });

export enum CriterionStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
  WAIVED = 'WAIVED',
}
registerEnumType(CriterionStatus, { name: 'CriterionStatus' });

export enum ConfirmationDecision {
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
}
registerEnumType(ConfirmationDecision, { name: 'ConfirmationDecision' });

/** setConfirmersInBulk: add the people to each criterion's confirmers, or make them its confirmers. */
export enum BulkConfirmersMode {
  ADD = 'ADD',
  REPLACE = 'REPLACE',
}
registerEnumType(BulkConfirmersMode, { name: 'BulkConfirmersMode', description: 'ADD keeps the current confirmers; REPLACE sets exactly the people given' });
