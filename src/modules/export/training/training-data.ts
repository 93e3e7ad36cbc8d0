import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../../common/context/request-context';
import { User } from '../../auth/entities/user.entity';
import { FunctionArea } from '../../project/entities/function-area.entity';
import { Project } from '../../project/entities/project.entity';
import { Territory } from '../../project/entities/territory.entity';
import { TrainingAttendance } from '../../training/entities/training-attendance.entity';
import { TrainingSession } from '../../training/entities/training-session.entity';

/** Everything the training schedule shows, read in six statements whatever the number of sessions and people. */
export interface TrainingData {
  project: Project;
  /** By start, cancelled ones included. */
  sessions: TrainingSession[];
  attendance: TrainingAttendance[];
  users: Map<string, User>;
  areaNames: Map<string, string>;
  territoryNames: Map<string, string>;
}

@Injectable()
export class TrainingDataLoader {
  async load(ctx: RequestContext, projectId: string): Promise<TrainingData> {
    const em = ctx.manager;
    const [project, sessions, attendance, areas, territories] = await Promise.all([
      em.findOneOrFail(Project, { where: { id: projectId } }),
      em.find(TrainingSession, { where: { projectId }, order: { startsAt: 'ASC', title: 'ASC', id: 'ASC' } }),
      em.createQueryBuilder(TrainingAttendance, 'a')
        .where('a.session_id IN (SELECT id FROM training_session WHERE project_id = :projectId)', { projectId })
        .getMany(),
      em.find(FunctionArea, { where: { projectId }, select: { id: true, name: true } }),
      em.find(Territory, { where: { projectId }, select: { id: true, name: true } }),
    ]);
    const ids = new Set([...sessions.map((s) => s.trainerId), ...attendance.map((a) => a.userId)]);
    const users = ids.size ? await em.find(User, { where: { id: In([...ids]) }, select: { id: true, fullName: true, organization: true, email: true } }) : [];
    return {
      project, sessions, attendance,
      users: new Map(users.map((u) => [u.id, u])),
      areaNames: new Map(areas.map((a) => [a.id, a.name])),
      territoryNames: new Map(territories.map((x) => [x.id, x.name])),
    };
  }
}
