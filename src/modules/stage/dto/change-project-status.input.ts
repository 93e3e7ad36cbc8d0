import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt } from 'class-validator';
import { ProjectStatus } from '../../project/project.enums';

@InputType()
export class ChangeProjectStatusInput {
  @Field(() => ID)
  projectId: string;

  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => ProjectStatus)
  status: ProjectStatus;
}
