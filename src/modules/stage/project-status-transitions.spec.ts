import { ProjectStatus } from '../project/project.enums';
import { whyCannotChangeStatus, whyCannotDecideSupport, whyProjectCannotStartStages, whyStagesNotDoneForSupport } from './project-status-transitions';
import { StageStatus } from '../plan/stage.enums';

const { PLANNING, IN_PROGRESS, PILOT, IN_SUPPORT, CLOSED, ON_HOLD } = ProjectStatus;
const stages = (...statuses: StageStatus[]) => statuses.map((status, i) => ({ id: `s${i}`, name: `Stage ${i + 1}`, sequence: i + 1, status }));
const { NOT_STARTED, ACTIVE, AWAITING_GATE, CLOSED: DONE } = StageStatus;

describe('project status transitions', () => {
  it('allows the usual path and holding', () => {
    const running = stages(DONE, ACTIVE);
    expect(whyCannotChangeStatus(IN_PROGRESS, PILOT, running)).toBeNull();
    expect(whyCannotChangeStatus(PILOT, IN_PROGRESS, running)).toBeNull();
    expect(whyCannotChangeStatus(IN_PROGRESS, ON_HOLD, running)).toBeNull();
    expect(whyCannotChangeStatus(ON_HOLD, IN_PROGRESS, running)).toBeNull();
    expect(whyCannotChangeStatus(PLANNING, ON_HOLD, stages(NOT_STARTED))).toBeNull();
    expect(whyCannotChangeStatus(ON_HOLD, PLANNING, stages(NOT_STARTED))).toBeNull();
    expect(whyCannotChangeStatus(IN_SUPPORT, CLOSED, stages(DONE, DONE))).toBeNull();
    expect(whyCannotChangeStatus(PLANNING, CLOSED, stages(NOT_STARTED))).toBeNull();
  });

  it('refuses skipping the first stage, leaving a closed project, and going back from support', () => {
    expect(whyCannotChangeStatus(PLANNING, IN_PROGRESS, stages(NOT_STARTED))).toMatch(/startStage/);
    expect(whyCannotChangeStatus(PLANNING, IN_SUPPORT, stages(NOT_STARTED))).toMatch(/cannot become IN_SUPPORT/);
    expect(whyCannotChangeStatus(CLOSED, PLANNING, [])).toMatch(/stays closed/);
    expect(whyCannotChangeStatus(IN_SUPPORT, PLANNING, [])).toMatch(/can become CLOSED/);
    expect(whyCannotChangeStatus(ON_HOLD, PLANNING, stages(ACTIVE))).toMatch(/Stages have started/);
    expect(whyCannotChangeStatus(ON_HOLD, IN_PROGRESS, stages(NOT_STARTED))).toMatch(/No stage has started/);
  });

  it('support needs every earlier stage closed and the last one started', () => {
    expect(whyStagesNotDoneForSupport(stages(DONE, DONE, ACTIVE))).toBeNull();
    expect(whyStagesNotDoneForSupport(stages(DONE, DONE, AWAITING_GATE))).toBeNull();
    expect(whyStagesNotDoneForSupport(stages(DONE, DONE, DONE))).toBeNull();
    expect(whyStagesNotDoneForSupport(stages(DONE, ACTIVE, NOT_STARTED))).toBe('The project cannot move to support while earlier stages are not closed: "Stage 2" (ACTIVE)');
    expect(whyStagesNotDoneForSupport(stages(DONE, DONE, NOT_STARTED))).toMatch(/last stage "Stage 3" has started/);
    expect(whyCannotChangeStatus(IN_PROGRESS, IN_SUPPORT, stages(ACTIVE, NOT_STARTED))).toMatch(/"Stage 1" \(ACTIVE\)/);
  });

  it('stages start only in a project being carried out', () => {
    expect(whyProjectCannotStartStages(PLANNING)).toBeNull();
    expect(whyProjectCannotStartStages(PILOT)).toBeNull();
    for (const status of [ON_HOLD, IN_SUPPORT, CLOSED]) expect(whyProjectCannotStartStages(status)).toMatch(new RegExp(status));
  });

  it('the client decides on support in the last stage, once', () => {
    expect(whyCannotDecideSupport(IN_PROGRESS, stages(DONE, ACTIVE))).toBeNull();
    expect(whyCannotDecideSupport(PILOT, stages(DONE, AWAITING_GATE))).toBeNull();
    expect(whyCannotDecideSupport(PLANNING, stages(NOT_STARTED, NOT_STARTED))).toMatch(/PLANNING/);
    expect(whyCannotDecideSupport(ON_HOLD, stages(DONE, ACTIVE))).toMatch(/ON_HOLD/);
    expect(whyCannotDecideSupport(IN_PROGRESS, stages(ACTIVE, NOT_STARTED))).toBe('The project cannot have its move to support decided while earlier stages are not closed: "Stage 1" (ACTIVE)');
    expect(whyCannotDecideSupport(IN_PROGRESS, stages(DONE, NOT_STARTED))).toMatch(/last stage "Stage 2" has started/);
    expect(whyCannotDecideSupport(IN_SUPPORT, stages(DONE, ACTIVE))).toBe('The project is already IN_SUPPORT; the move to support has been decided');
    expect(whyCannotDecideSupport(CLOSED, stages(DONE, DONE))).toMatch(/already CLOSED/);
  });
});
