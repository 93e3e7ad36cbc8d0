import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../../common/scalars/date-time.scalar';
import { GateOutcome } from '../../plan/stage.enums';

export enum AcceptanceEventKind {
  CONFIRMERS_SET = 'CONFIRMERS_SET',
  CRITERION_CONFIRMED = 'CRITERION_CONFIRMED',
  CRITERION_REJECTED = 'CRITERION_REJECTED',
  CRITERION_WAIVED = 'CRITERION_WAIVED',
  GATE_DECIDED = 'GATE_DECIDED',
  SUPPORT_TRANSITION_DECIDED = 'SUPPORT_TRANSITION_DECIDED',
}
registerEnumType(AcceptanceEventKind, { name: 'AcceptanceEventKind' });

/** One entry of the acceptance record: who decided what, when, and what they said. */
@ObjectType('AcceptanceEvent')
export class AcceptanceEvent {
  @Field(() => DateTimeScalar)
  at: Date;

  @Field(() => AcceptanceEventKind)
  kind: AcceptanceEventKind;

  /** Resolved to `user`, `criterion` and `stage` by AcceptanceEventResolver; null: the service itself. */
  userId: string | null;
  criterionId: string | null;
  stageId: string | null;
  /** For CONFIRMERS_SET: resolved to `confirmers`. */
  confirmerIds?: string[];

  @Field(() => GateOutcome, { nullable: true })
  outcome: GateOutcome | null;

  @Field(() => String, { nullable: true, description: 'The comment, waiver reason or gate conditions' })
  comment: string | null;
}
