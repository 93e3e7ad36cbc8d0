import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { Rag } from '../../schedule/rag.enum';
import type { BasisMessage } from '../rating-rules';
import type { ReportItemMessage } from '../report-content-phrases';
import { RagDimension } from '../reporting.enums';

/** One dimension's rating: the computed one, the effective one (an override, else computed) and why. */
@ObjectType('RagRating')
export class RagRating {
  @Field(() => RagDimension)
  dimension: RagDimension;

  @Field(() => Rag, { nullable: true, description: 'null: not rated (cost without a budget or a forecast at completion)' })
  computed: Rag | null;

  @Field(() => Rag, { nullable: true, description: 'the effective rating: the override, else the computed one' })
  rating: Rag | null;

  @Field(() => String, { nullable: true })
  overrideReason: string | null;

  @Field({ description: 'what it was computed from, with the numbers' })
  basis: string;

  /**
   * Not in the API: the message `basis` was rendered from, kept in a published report's snapshot
   * so that an export prints the basis in its own locale. Absent from snapshots published before
   * messages were kept; they print `basis`.
   */
  basisMessage?: BasisMessage;
}

/** A line of a report's content: a task, milestone, criterion, gate decision, risk or issue. */
@ObjectType('ReportItem')
export class ReportItem {
  @Field(() => ID, { nullable: true })
  refId: string | null;

  @Field()
  name: string;

  @Field(() => DateScalar, { nullable: true })
  date: string | null;

  @Field(() => String, { nullable: true })
  detail: string | null;

  /** Not in the API: the messages `detail` and a system-made `name` were rendered from (as RagRating.basisMessage). */
  detailMessage?: ReportItemMessage;
  nameMessage?: ReportItemMessage;
}

/** A milestone as the report shows it: its go-live dates, variance and readiness. */
@ObjectType('ReportMilestone')
export class ReportMilestone {
  @Field(() => ID)
  milestoneId: string;

  @Field()
  name: string;

  @Field(() => DateScalar, { nullable: true })
  plannedGoLive: string | null;

  @Field(() => DateScalar, { nullable: true })
  baselineGoLive: string | null;

  @Field(() => DateScalar, { nullable: true })
  forecastGoLive: string | null;

  @Field(() => Int, { nullable: true, description: 'working days of the milestone calendar, forecast − baseline' })
  varianceDays: number | null;

  @Field()
  ready: boolean;
}
