import { LoginFailure } from '../../modules/auth/entities/login-failure.entity';
import { Confirmation } from '../../modules/criterion/entities/confirmation.entity';
import { ConfirmerChange } from '../../modules/criterion/entities/confirmer-change.entity';
import { CriterionConfirmer } from '../../modules/criterion/entities/criterion-confirmer.entity';
import { Criterion } from '../../modules/criterion/entities/criterion.entity';
import { Milestone } from '../../modules/plan/entities/milestone.entity';
import { KeyUserAssignment } from '../../modules/people/entities/key-user-assignment.entity';
import { Membership } from '../../modules/auth/entities/membership.entity';
import { User } from '../../modules/auth/entities/user.entity';
import { FunctionArea } from '../../modules/project/entities/function-area.entity';
import { Project } from '../../modules/project/entities/project.entity';
import { Territory } from '../../modules/project/entities/territory.entity';
import { Dependency } from '../../modules/schedule/entities/dependency.entity';
import { BaselineEntry } from '../../modules/schedule/entities/baseline-entry.entity';
import { Baseline } from '../../modules/schedule/entities/baseline.entity';
import { ProjectIssue } from '../../modules/registers/entities/project-issue.entity';
import { Risk } from '../../modules/registers/entities/risk.entity';
import { StatusReport } from '../../modules/reporting/entities/status-report.entity';
import { Task } from '../../modules/schedule/entities/task.entity';
import { GateDecision } from '../../modules/stage/entities/gate-decision.entity';
import { Stage } from '../../modules/plan/entities/stage.entity';
import { MeetingAttendee } from '../../modules/steering/entities/meeting-attendee.entity';
import { MeetingDecision } from '../../modules/steering/entities/meeting-decision.entity';
import { MeetingReport } from '../../modules/steering/entities/meeting-report.entity';
import { SteeringMeeting } from '../../modules/steering/entities/steering-meeting.entity';
import { TrainingAttendance } from '../../modules/training/entities/training-attendance.entity';
import { TrainingSession } from '../../modules/training/entities/training-session.entity';
import { ProjectException } from '../../modules/reporting/exceptions/project-exception.entity';

/** Listed as classes, not globs: tests load sources as ES modules where globs find nothing. */
export const ENTITIES = [
  User,
  Project,
  Membership,
  FunctionArea,
  Territory,
  Stage,
  Milestone,
  Task,
  Dependency,
  Criterion,
  CriterionConfirmer,
  Confirmation,
  ConfirmerChange,
  Baseline,
  BaselineEntry,
  GateDecision,
  KeyUserAssignment,
  TrainingSession,
  TrainingAttendance,
  LoginFailure,
  Risk,
  ProjectIssue,
  StatusReport,
  SteeringMeeting,
  MeetingAttendee,
  MeetingDecision,
  ProjectException,
  MeetingReport,
];
