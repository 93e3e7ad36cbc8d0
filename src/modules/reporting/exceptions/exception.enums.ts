import { registerEnumType } from '@nestjs/graphql';

/** What the steering committee decides on an exception (REPORTING.md "Publishing and exceptions"). */
export enum ExceptionDecision {
  APPROVE_EXCEPTION_PLAN = 'APPROVE_EXCEPTION_PLAN',
  REQUEST_EXCEPTION_PLAN = 'REQUEST_EXCEPTION_PLAN',
  PREMATURE_CLOSE = 'PREMATURE_CLOSE',
}
registerEnumType(ExceptionDecision, { name: 'ExceptionDecision' });

/** The dimensions whose computed RED rating raises an exception; the others never do. */
export enum ExceptionDimension {
  SCHEDULE = 'SCHEDULE',
  COST = 'COST',
}
