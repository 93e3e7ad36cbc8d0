import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { Rag } from '../rag.enum';

@ObjectType('ProjectHealth')
export class ProjectHealth {
  @Field(() => Rag, { description: 'The worse of the forecast finish and the worst milestone go-live against the latest baseline: GREEN within half the time tolerance, AMBER within it, RED beyond; AMBER without a baseline' })
  schedule: Rag;

  @Field(() => Rag, { description: 'The worst of the rated dimensions' })
  overall: Rag;

  @Field(() => DateScalar)
  forecastFinish: string;

  @Field(() => DateScalar, { nullable: true })
  baselineFinish: string | null;

  @Field(() => Int, { nullable: true, description: 'Forecast minus baseline finish, working days of the project calendar' })
  varianceDays: number | null;
}
