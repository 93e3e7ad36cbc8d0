import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../../common/scalars/date-time.scalar';
import { DecisionKind } from '../steering.enums';

/** One decision of the project as the decision log reads it; built on read from the record that holds it. */
@ObjectType('DecisionLogEntry')
export class DecisionLogEntry {
  @Field(() => DateTimeScalar, { description: 'When it was decided' })
  at: Date;

  @Field(() => DecisionKind)
  kind: DecisionKind;

  @Field({ description: 'What was decided, with its conditions or reason' })
  text: string;

  /** Resolved to a User by the field resolver; null where a meeting, not one person, decided. */
  decidedById: string | null;

  @Field(() => ID, { description: 'The id of what it decided: the meeting decision, stage, criterion, exception or project' })
  refId: string;

  /** When the record was written: orders decisions of one instant (the decisions of one meeting). */
  recordedAt: Date;
}
