import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context';
import { Criterion } from '../criterion/entities/criterion.entity';
import { CriterionKind, Priority } from '../criterion/criterion.enums';
import type { MethodologyTemplateDefinition } from '../methodology/engine/methodology-template';
import { Dependency } from '../schedule/entities/dependency.entity';
import { Task } from '../schedule/entities/task.entity';
import { DependencyType } from '../schedule/schedule.enums';
import { Stage } from '../plan/entities/stage.entity';
import { StageKind } from '../plan/stage.enums';
import { FunctionArea } from '../project/entities/function-area.entity';

/**
 * Turns a methodology recipe into a project's stages, standard tasks chained finish-to-start
 * (across stages too, so the template plan reads end to end), exit and completion criteria,
 * and function areas. Runs inside createProject's transaction.
 */
@Injectable()
export class TemplateInstantiator {
  async instantiate(ctx: RequestContext, projectId: string, template: MethodologyTemplateDefinition): Promise<void> {
    const em = ctx.manager;
    const stages = await em.save(
      template.stages.map((stage, index) =>
        em.create(Stage, { projectId, kind: stage.kind as StageKind, name: stage.name, sequence: index + 1 }),
      ),
    );

    const tasks = template.stages.flatMap((stageTemplate, index) =>
      stageTemplate.tasks.map((task) =>
        em.create(Task, { projectId, stageId: stages[index].id, name: task.name, durationDays: task.durationDays }),
      ),
    );
    const savedTasks = await em.save(tasks);
    const links = savedTasks.slice(1).map((task, i) =>
      em.create(Dependency, {
        projectId,
        predecessorId: savedTasks[i].id,
        successorId: task.id,
        type: DependencyType.FS,
        lagDays: 0,
      }),
    );
    if (links.length) await em.insert(Dependency, links);

    const criteria = [
      ...template.stages.flatMap((stageTemplate, index) =>
        stageTemplate.exitCriteria.map((criterion, position) =>
          em.create(Criterion, {
            projectId,
            stageId: stages[index].id,
            kind: CriterionKind.EXIT,
            text: criterion.text,
            priority: criterion.priority as Priority,
            position,
          }),
        ),
      ),
      ...template.completionCriteria.map((criterion, position) =>
        em.create(Criterion, {
          projectId,
          kind: CriterionKind.COMPLETION,
          text: criterion.text,
          priority: criterion.priority as Priority,
          position,
        }),
      ),
    ];
    if (criteria.length) await em.insert(Criterion, criteria);

    const areas = (template.functionAreas ?? []).map((name) => em.create(FunctionArea, { projectId, name }));
    if (areas.length) await em.insert(FunctionArea, areas);
  }
}
