import { Field, Float, ObjectType } from '@nestjs/graphql';
import { User } from '../../auth/entities/user.entity';

@ObjectType('MilestoneReadiness')
export class MilestoneReadiness {
  @Field(() => Float, { nullable: true, description: 'Share (0..1) of the area’s key users who attended a key-user session; null without key users' })
  keyUsersTrainedShare: number | null;

  @Field(() => Float, { nullable: true, description: 'Share (0..1) of the end users invited to the milestone’s sessions who attended; null without invitations' })
  endUsersTrainedShare: number | null;

  @Field({ description: 'Whether every key user was trained before the first end-user session (a warning, not a rule)' })
  keyUsersTrainedBeforeEndUsers: boolean;

  @Field(() => [String])
  warnings: string[];

  @Field({ description: 'No key-user coverage gap, every key user attended a key-user session (none = not ready), ≥ 90 % of invited end users attended (REPORTING.md)' })
  ready: boolean;

  @Field(() => [String], { description: 'Why the milestone is not ready; empty when it is' })
  notReadyReasons: string[];

  @Field(() => [User], { description: 'No training, no production access: key users and invited end users not trained before go-live' })
  untrainedBeforeGoLive: User[];
}
