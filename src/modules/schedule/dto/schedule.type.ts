import { Field, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { Task } from '../entities/task.entity';

@ObjectType('Schedule')
export class ScheduleType {
  @Field(() => DateScalar)
  start: string;

  @Field(() => DateScalar)
  finishDate: string;

  @Field(() => [Task])
  criticalPath: Task[];
}
