import { Field, Int, ObjectType } from '@nestjs/graphql';
import { FunctionArea } from '../../project/entities/function-area.entity';
import { Territory } from '../../project/entities/territory.entity';
import { User } from '../../auth/entities/user.entity';

@ObjectType('CoverageCell')
export class CoverageCell {
  @Field(() => FunctionArea) functionArea: FunctionArea;
  @Field(() => Territory, { nullable: true }) territory: Territory | null;
  @Field(() => Int, { description: 'Key users of the cell who meet the project’s qualification rule' }) qualifiedKeyUsers: number;
  @Field(() => Int) required: number;
}

@ObjectType('KeyUserCoverage')
export class KeyUserCoverage {
  @Field(() => [CoverageCell]) cells: CoverageCell[];
  @Field(() => [CoverageCell], { description: 'Cells with fewer qualified key users than required' }) gaps: CoverageCell[];
}

/** Who takes first-line requests in a function area × territory after launch, and who backs them up. */
@ObjectType('SupportRosterEntry')
export class SupportRosterEntry {
  @Field(() => FunctionArea) functionArea: FunctionArea;
  @Field(() => Territory, { nullable: true }) territory: Territory | null;
  @Field(() => [User]) firstLine: User[];
  @Field(() => [User]) backups: User[];
}
