/**
 * A methodology template as read from templates/methodologies/*.yaml, after validation and
 * defaults. Kinds and priorities are string literals mirroring the GraphQL enums, so the engine
 * stays free of Nest/TypeORM imports and unit tests load it directly.
 */

export const STAGE_KINDS = [
  'DIAGNOSTICS',
  'ANALYSIS',
  'CONFIGURATION',
  'DEPLOYMENT_PILOT',
  'SUPPORT_TRANSITION',
  'CUSTOM',
] as const;
export type TemplateStageKind = (typeof STAGE_KINDS)[number];

export const PRIORITIES = ['MUST', 'SHOULD', 'COULD'] as const;
export type TemplatePriority = (typeof PRIORITIES)[number];

export interface TaskTemplateDefinition {
  name: string;
  /** Working days. */
  durationDays: number;
}

export interface CriterionTemplateDefinition {
  text: string;
  /** Defaults to MUST when the file omits it. */
  priority: TemplatePriority;
}

export interface StageTemplateDefinition {
  kind: TemplateStageKind;
  name: string;
  /** Working days; equals the sum of the task durations, since tasks run finish-to-start. */
  durationDays: number;
  tasks: TaskTemplateDefinition[];
  exitCriteria: CriterionTemplateDefinition[];
}

/** Defaults for milestones added to a project created from the template (all in working days). */
export interface MilestonePlanDefinition {
  prepareDays: number;
  hypercareDays: number;
  /** Each territory wave goes live this long after the previous one. */
  waveLagDays: number;
}

export interface MethodologyTemplateDefinition {
  /** Equals the file name without its extension. */
  key: string;
  name: string;
  description?: string;
  /** Default work calendar of projects created from the template. */
  calendarCode?: string;
  stages: StageTemplateDefinition[];
  /** Project-level criteria (kind COMPLETION). */
  completionCriteria: CriterionTemplateDefinition[];
  /** Created with the project, in this order. */
  functionAreas?: string[];
  milestonePlan?: MilestonePlanDefinition;
}
