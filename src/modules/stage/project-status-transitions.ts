import { ProjectStatus } from '../project/project.enums';
import { StageState } from './stage-transitions';
import { StageStatus } from '../plan/stage.enums';

const { PLANNING, IN_PROGRESS, PILOT, IN_SUPPORT, CLOSED, ON_HOLD } = ProjectStatus;

/**
 * The statuses a project manager may move a project to from each status. PLANNING → IN_PROGRESS
 * happens by starting the first stage; IN_SUPPORT has further conditions (stages, completion
 * criteria, the client's decision); CLOSED is final (a cancelled project is closed as well).
 */
const NEXT: Record<ProjectStatus, readonly ProjectStatus[]> = {
  [PLANNING]: [ON_HOLD, CLOSED],
  [IN_PROGRESS]: [PILOT, IN_SUPPORT, ON_HOLD, CLOSED],
  [PILOT]: [IN_PROGRESS, IN_SUPPORT, ON_HOLD, CLOSED],
  [ON_HOLD]: [PLANNING, IN_PROGRESS, PILOT, CLOSED],
  [IN_SUPPORT]: [CLOSED],
  [CLOSED]: [],
};

/** Why the project may not move from `from` to `to` by a status change, or null when it may. */
export function whyCannotChangeStatus(from: ProjectStatus, to: ProjectStatus, stages: readonly StageState[]): string | null {
  if (from === to) return null;
  if (from === CLOSED) return 'The project is closed; a closed project stays closed';
  if (from === PLANNING && to === IN_PROGRESS) return 'A project goes IN_PROGRESS by starting its first stage (startStage)';
  if (!NEXT[from].includes(to)) {
    return `A project that is ${from} cannot become ${to}; from ${from} it can become ${NEXT[from].join(', ') || 'nothing else'}`;
  }
  const started = stages.some((s) => s.status !== StageStatus.NOT_STARTED);
  if (from === ON_HOLD && to === PLANNING && started) return 'Stages have started; resume the project as IN_PROGRESS or PILOT';
  if (from === ON_HOLD && (to === IN_PROGRESS || to === PILOT) && !started) return 'No stage has started; resume the project as PLANNING';
  if (to === IN_SUPPORT) return whyStagesNotDoneForSupport(stages);
  return null;
}

/**
 * Support follows the last stage: every earlier stage is closed and the last one (the transition
 * to support, where the client's decision is recorded) has started.
 */
export function whyStagesNotDoneForSupport(stages: readonly StageState[]): string | null {
  const ordered = [...stages].sort((a, b) => a.sequence - b.sequence);
  const last = ordered.at(-1);
  if (!last) return null;
  const open = ordered.slice(0, -1).filter((s) => s.status !== StageStatus.CLOSED);
  if (open.length) return `The project cannot move to support while earlier stages are not closed: ${open.map((s) => `"${s.name}" (${s.status})`).join(', ')}`;
  if (last.status === StageStatus.NOT_STARTED) return `The project cannot move to support before its last stage "${last.name}" has started`;
  return null;
}

/** Stages start only while the project is being carried out. */
export function whyProjectCannotStartStages(status: ProjectStatus): string | null {
  return status === PLANNING || status === IN_PROGRESS || status === PILOT ? null : `The project is ${status}; stages start only while it is planned or in progress`;
}

/**
 * The client decides on support in the last stage: refused once the project is already in
 * support or closed, while it is on hold or not yet under way, and before the stages allow it,
 * so that a decision taken months early cannot open the way later.
 */
export function whyCannotDecideSupport(status: ProjectStatus, stages: readonly StageState[]): string | null {
  if (status === IN_SUPPORT || status === CLOSED) return `The project is already ${status}; the move to support has been decided`;
  if (status !== IN_PROGRESS && status !== PILOT) return `The project is ${status}; the client decides on support while the project is in progress or in pilot`;
  const why = whyStagesNotDoneForSupport(stages);
  return why && why.replace('cannot move to support', 'cannot have its move to support decided');
}
