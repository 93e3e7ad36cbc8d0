import { Args, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { User } from '../auth/entities/user.entity';
import { UserService } from '../people/user.service';
import { Project } from '../project/entities/project.entity';
import { AddRiskInput, RaiseIssueInput, UpdateIssueInput, UpdateRiskInput } from './dto/register.inputs';
import { ProjectIssue } from './entities/project-issue.entity';
import { Risk } from './entities/risk.entity';
import { riskScore } from './register-rules';
import { RegistersService } from './registers.service';

@Resolver(() => Risk)
export class RiskResolver {
  constructor(
    private readonly registers: RegistersService,
    private readonly users: UserService,
  ) {}

  @Transaction()
  @Mutation(() => Risk, { description: 'The project manager adds a risk to the register' })
  addRisk(@Ctx() ctx: RequestContext, @Args('input') input: AddRiskInput): Promise<Risk> {
    return this.registers.addRisk(ctx, input);
  }

  @Transaction()
  @Mutation(() => Risk)
  updateRisk(@Ctx() ctx: RequestContext, @Args('input') input: UpdateRiskInput): Promise<Risk> {
    return this.registers.updateRisk(ctx, input);
  }

  @ResolveField('score', () => Int, { description: 'probability × impact, 1–25' })
  score(@Parent() risk: Risk): number {
    return riskScore(risk);
  }

  @ResolveField('owner', () => User, { nullable: true })
  async owner(@Ctx() ctx: RequestContext, @Parent() risk: Risk): Promise<User | null> {
    return risk.ownerId ? this.users.findById(ctx, risk.ownerId) : null;
  }
}

@Resolver(() => ProjectIssue)
export class ProjectIssueResolver {
  constructor(
    private readonly registers: RegistersService,
    private readonly users: UserService,
  ) {}

  @Transaction()
  @Mutation(() => ProjectIssue, { description: 'Any member but an observer raises an issue' })
  raiseIssue(@Ctx() ctx: RequestContext, @Args('input') input: RaiseIssueInput): Promise<ProjectIssue> {
    return this.registers.raiseIssue(ctx, input);
  }

  @Transaction()
  @Mutation(() => ProjectIssue)
  updateIssue(@Ctx() ctx: RequestContext, @Args('input') input: UpdateIssueInput): Promise<ProjectIssue> {
    return this.registers.updateIssue(ctx, input);
  }

  @ResolveField('owner', () => User, { nullable: true })
  async owner(@Ctx() ctx: RequestContext, @Parent() issue: ProjectIssue): Promise<User | null> {
    return issue.ownerId ? this.users.findById(ctx, issue.ownerId) : null;
  }

  @ResolveField('raisedBy', () => User)
  async raisedBy(@Ctx() ctx: RequestContext, @Parent() issue: ProjectIssue): Promise<User> {
    return this.users.getById(ctx, issue.raisedById);
  }
}

@Resolver(() => Project)
export class ProjectRegistersResolver {
  constructor(private readonly registers: RegistersService) {}

  @ResolveField('risks', () => [Risk], { description: 'Open risks first, highest score first' })
  risks(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<Risk[]> {
    return this.registers.risks(ctx, project.id);
  }

  @ResolveField('issues', () => [ProjectIssue], { description: 'Open issues first, by priority' })
  issues(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<ProjectIssue[]> {
    return this.registers.issues(ctx, project.id);
  }
}
