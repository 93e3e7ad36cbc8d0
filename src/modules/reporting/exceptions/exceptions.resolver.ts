import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../../common/context/ctx.decorator';
import type { RequestContext } from '../../../common/context/request-context';
import { Transaction } from '../../../common/context/transaction.interceptor';
import { MaxChars } from '../../../common/validation/bounded-args';
import { User } from '../../auth/entities/user.entity';
import { UserService } from '../../people/user.service';
import { Project } from '../../project/entities/project.entity';
import { StatusReport } from '../entities/status-report.entity';
import { ExceptionDecision } from './exception.enums';
import { ExceptionsService } from './exceptions.service';
import { ProjectException } from './project-exception.entity';

@Resolver(() => ProjectException)
export class ProjectExceptionResolver {
  constructor(
    private readonly exceptions: ExceptionsService,
    private readonly users: UserService,
  ) {}

  @Transaction()
  @Mutation(() => ProjectException, {
    description: 'The steering committee decides an open exception: APPROVE_EXCEPTION_PLAN captures a baseline named after it and closes it; ' +
      'REQUEST_EXCEPTION_PLAN keeps it open for the next report; PREMATURE_CLOSE closes the project and it',
  })
  decideException(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('decision', { type: () => ExceptionDecision }) decision: ExceptionDecision,
    @Args('note', { type: () => String, nullable: true }, MaxChars('note', 2000)) note: string | null,
  ): Promise<ProjectException> {
    return this.exceptions.decide(ctx, id, decision, note);
  }

  @ResolveField('report', () => StatusReport, { description: 'The published report that raised it' })
  report(@Ctx() ctx: RequestContext, @Parent() exception: ProjectException): Promise<StatusReport> {
    return this.exceptions.report(ctx, exception.reportId);
  }

  @ResolveField('decidedBy', () => User, { nullable: true })
  async decidedBy(@Ctx() ctx: RequestContext, @Parent() exception: ProjectException): Promise<User | null> {
    return exception.decidedById ? this.users.findById(ctx, exception.decidedById) : null;
  }

  @ResolveField('planRequestedBy', () => User, { nullable: true, description: 'Who requested an exception plan, kept after the closing decision' })
  async planRequestedBy(@Ctx() ctx: RequestContext, @Parent() exception: ProjectException): Promise<User | null> {
    return exception.planRequestedById ? this.users.findById(ctx, exception.planRequestedById) : null;
  }
}

@Resolver(() => Project)
export class ProjectExceptionsResolver {
  constructor(private readonly exceptions: ExceptionsService) {}

  @ResolveField('exceptions', () => [ProjectException], { description: 'Newest first; of one report, schedule before cost' })
  exceptionsOf(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<ProjectException[]> {
    return this.exceptions.byProject(ctx, project.id);
  }
}

@Resolver(() => StatusReport)
export class StatusReportExceptionsResolver {
  constructor(private readonly exceptions: ExceptionsService) {}

  @ResolveField('exceptions', () => [ProjectException], {
    description: 'The project’s exceptions standing at publication (a draft: now), including those this report raised; newest first',
  })
  exceptionsOf(@Ctx() ctx: RequestContext, @Parent() report: StatusReport): Promise<ProjectException[]> {
    return this.exceptions.byReport(ctx, report.id);
  }
}
