import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { In } from 'typeorm';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { byIdLoader } from '../../common/dataloaders/request-loaders';
import { FunctionArea } from '../project/entities/function-area.entity';
import { Project } from '../project/entities/project.entity';
import { Territory } from '../project/entities/territory.entity';
import { AssignKeyUserInput, KeyUserQualificationInput, UpdateKeyUserInput } from './dto/key-user.inputs';
import { KeyUserCoverage, SupportRosterEntry } from './dto/key-user-coverage.type';
import { KeyUserAssignment } from './entities/key-user-assignment.entity';
import { User } from '../auth/entities/user.entity';
import { KeyUserService } from './key-user.service';
import { UserService } from './user.service';

@Resolver(() => KeyUserAssignment)
export class KeyUserResolver {
  constructor(
    private readonly keyUsers: KeyUserService,
    private readonly users: UserService,
  ) {}

  @Transaction()
  @Mutation(() => KeyUserAssignment)
  assignKeyUser(@Ctx() ctx: RequestContext, @Args('input') input: AssignKeyUserInput): Promise<KeyUserAssignment> {
    return this.keyUsers.assign(ctx, input);
  }

  @Transaction()
  @Mutation(() => KeyUserAssignment)
  updateKeyUser(@Ctx() ctx: RequestContext, @Args('input') input: UpdateKeyUserInput): Promise<KeyUserAssignment> {
    return this.keyUsers.update(ctx, input);
  }

  @Transaction()
  @Mutation(() => Boolean)
  removeKeyUser(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<boolean> {
    return this.keyUsers.remove(ctx, id, version);
  }

  @Transaction()
  @Mutation(() => Project, { description: 'Who counts as a qualified key user in the project’s coverage' })
  setKeyUserQualificationRule(@Ctx() ctx: RequestContext, @Args('input') input: KeyUserQualificationInput): Promise<Project> {
    return this.keyUsers.setQualificationRule(ctx, input);
  }

  // Scores are read through the service, which decides who may (the fields are declared on the entity).
  @ResolveField('processKnowledge', () => Int)
  processKnowledge(@Ctx() ctx: RequestContext, @Parent() assignment: KeyUserAssignment): Promise<number> {
    return this.keyUsers.score(ctx, assignment, 'processKnowledge');
  }

  @ResolveField('systemLogic', () => Int)
  systemLogic(@Ctx() ctx: RequestContext, @Parent() assignment: KeyUserAssignment): Promise<number> {
    return this.keyUsers.score(ctx, assignment, 'systemLogic');
  }

  @ResolveField('engagement', () => Int)
  engagement(@Ctx() ctx: RequestContext, @Parent() assignment: KeyUserAssignment): Promise<number> {
    return this.keyUsers.score(ctx, assignment, 'engagement');
  }

  @ResolveField('teaching', () => Int)
  teaching(@Ctx() ctx: RequestContext, @Parent() assignment: KeyUserAssignment): Promise<number> {
    return this.keyUsers.score(ctx, assignment, 'teaching');
  }

  @ResolveField('user', () => User)
  user(@Ctx() ctx: RequestContext, @Parent() assignment: KeyUserAssignment): Promise<User> {
    return this.users.getById(ctx, assignment.userId);
  }

  @ResolveField('functionArea', () => FunctionArea)
  async functionArea(@Ctx() ctx: RequestContext, @Parent() assignment: KeyUserAssignment): Promise<FunctionArea> {
    const loader = byIdLoader(ctx, 'functionAreas', (ids) => ctx.manager.findBy(FunctionArea, { id: In([...ids]) }), (a) => a.id);
    return (await loader.load(assignment.functionAreaId))!;
  }

  @ResolveField('territory', () => Territory, { nullable: true })
  async territory(@Ctx() ctx: RequestContext, @Parent() assignment: KeyUserAssignment): Promise<Territory | null> {
    if (!assignment.territoryId) return null;
    const loader = byIdLoader(ctx, 'territories', (ids) => ctx.manager.findBy(Territory, { id: In([...ids]) }), (t) => t.id);
    return (await loader.load(assignment.territoryId)) ?? null;
  }
}

@Resolver(() => Project)
export class ProjectKeyUsersResolver {
  constructor(private readonly keyUsers: KeyUserService) {}

  @ResolveField('keyUsers', () => [KeyUserAssignment])
  keyUsers_(
    @Ctx() ctx: RequestContext,
    @Parent() project: Project,
    @Args('userId', { type: () => ID, nullable: true, description: 'Only this person’s assignments (a key user reads their own scores so)' }) userId?: string | null,
  ): Promise<KeyUserAssignment[]> {
    return this.keyUsers.ofProject(ctx, project.id, userId);
  }

  @ResolveField('keyUserCoverage', () => KeyUserCoverage)
  keyUserCoverage(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<KeyUserCoverage> {
    return this.keyUsers.coverage(ctx, project);
  }

  @ResolveField('supportRoster', () => [SupportRosterEntry], { description: 'First-line support and backups per function area × territory' })
  supportRoster(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<SupportRosterEntry[]> {
    return this.keyUsers.supportRoster(ctx, project);
  }
}
