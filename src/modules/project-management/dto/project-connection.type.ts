import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { INPUT_LIMITS } from '../../../common/validation/input-limits';
import { Project } from '../../project/entities/project.entity';
import { ProjectStatus } from '../../project/project.enums';

@ObjectType('ProjectEdge')
export class ProjectEdge {
  @Field()
  cursor: string;

  @Field(() => Project)
  node: Project;
}

@ObjectType('PageInfo')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType('ProjectConnection')
export class ProjectConnection {
  @Field(() => [ProjectEdge])
  edges: ProjectEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

@InputType()
export class ProjectFilter {
  @Field(() => ProjectStatus, { nullable: true })
  @IsOptional()
  status?: ProjectStatus | null;

  @Field(() => String, { nullable: true, description: 'Matches code, name or client name' })
  @IsOptional()
  @MaxLength(INPUT_LIMITS.maxNameLength)
  search?: string | null;
}
