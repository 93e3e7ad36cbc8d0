import { Field, Int, ObjectType } from '@nestjs/graphql';
import { StageKind } from '../../plan/stage.enums';

@ObjectType('StageTemplate')
export class StageTemplateType {
  @Field(() => StageKind)
  kind: StageKind;

  @Field()
  name: string;

  @Field(() => Int)
  durationDays: number;
}

@ObjectType('MethodologyTemplate')
export class MethodologyTemplateType {
  @Field()
  key: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [StageTemplateType])
  stages: StageTemplateType[];
}
