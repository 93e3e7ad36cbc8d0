import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { type Document, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import {
  type CriterionTemplateDefinition,
  type MethodologyTemplateDefinition,
  type MilestonePlanDefinition,
  PRIORITIES,
  STAGE_KINDS,
  type StageTemplateDefinition,
  type TaskTemplateDefinition,
} from './methodology-template';

const TEMPLATE_FILE = /\.ya?ml$/i;
const KEY_FORMAT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Stage, task and function area names land in varchar(200) columns. */
const MAX_NAME_LENGTH = 200;

export interface TemplateIssue {
  /** Where in the file, e.g. `stages[2].tasks[0].durationDays`. */
  path: string;
  message: string;
}

/** A template file that cannot be used; lists every problem so the author fixes them in one go. */
export class MethodologyTemplateError extends Error {
  constructor(
    readonly fileName: string,
    readonly issues: TemplateIssue[],
  ) {
    super(
      `Invalid methodology template ${fileName}:\n` +
        issues.map((issue) => `  - ${issue.path}: ${issue.message}`).join('\n'),
    );
    this.name = 'MethodologyTemplateError';
  }
}

/** Reads and validates every *.yaml / *.yml in `dir`; returns the templates sorted by key. */
export function loadMethodologyTemplates(dir: string): MethodologyTemplateDefinition[] {
  const files = readdirSync(dir)
    .filter((file) => TEMPLATE_FILE.test(file))
    .sort();
  // A server without templates could not create a single project: better to refuse to start.
  if (!files.length) throw new Error(`No methodology templates (*.yaml, *.yml) found in ${dir}`);

  const fileByKey = new Map<string, string>();
  const templates = files.map((file) => {
    const filePath = join(dir, file);
    const template = parseMethodologyTemplate(readFileSync(filePath, 'utf8'), filePath);
    const clash = fileByKey.get(template.key);
    if (clash) {
      throw new MethodologyTemplateError(filePath, [
        { path: 'key', message: `"${template.key}" is already defined by ${clash}` },
      ]);
    }
    fileByKey.set(template.key, filePath);
    return template;
  });
  return templates.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Validates one template; `fileName` names the file in errors and must match the key. */
export function parseMethodologyTemplate(yamlText: string, fileName: string): MethodologyTemplateDefinition {
  // Duplicate mapping keys are collected below with their field path, not as bare line numbers.
  const document = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: true });
  const syntaxIssues = [
    ...document.errors.map((error) => ({
      path: error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '(document)',
      // The first line without its position (already in the path) and the code excerpt.
      message: error.message.split('\n')[0].replace(/ at line \d+, column \d+:$/, ''),
    })),
    ...findDuplicateKeys(document),
  ];
  if (syntaxIssues.length) throw new MethodologyTemplateError(fileName, syntaxIssues);

  const check = new Checker();
  const template = readTemplate(check, document.toJS(), fileName);
  if (!template || check.issues.length) throw new MethodologyTemplateError(fileName, check.issues);
  return template;
}

function readTemplate(check: Checker, root: unknown, fileName: string): MethodologyTemplateDefinition | undefined {
  const fields = check.mapping(root, '', [
    'key',
    'name',
    'description',
    'calendarCode',
    'stages',
    'completionCriteria',
    'functionAreas',
    'milestonePlan',
  ]);
  if (!fields) return undefined;

  const key = check.text(fields, 'key', '');
  const expectedKey = basename(fileName, extname(fileName));
  if (key && !KEY_FORMAT.test(key)) {
    check.fail('key', `"${key}" must be lower-case words joined by hyphens, e.g. "prince2-crm"`);
  } else if (key && key !== expectedKey) {
    check.fail('key', `"${key}" must equal the file name without extension ("${expectedKey}")`);
  }
  const name = check.text(fields, 'name', '');
  const description = check.optionalText(fields, 'description', '');
  const calendarCode = check.optionalText(fields, 'calendarCode', '');
  const stages = check.list(fields, 'stages', '', readStage);
  check.unique(stages.map((stage) => stage.name), 'stages', 'name');
  const completionCriteria = check.list(fields, 'completionCriteria', '', readCriterion);
  const functionAreas = fields.functionAreas === undefined ? undefined : check.list(fields, 'functionAreas', '', readName);
  if (functionAreas) check.unique(functionAreas, 'functionAreas');
  const milestonePlan = fields.milestonePlan === undefined ? undefined : readMilestonePlan(check, fields.milestonePlan);

  return {
    key,
    name,
    ...(description && { description }),
    ...(calendarCode && { calendarCode }),
    stages,
    completionCriteria,
    ...(functionAreas && { functionAreas }),
    ...(milestonePlan && { milestonePlan }),
  };
}

function readStage(check: Checker, value: unknown, path: string): StageTemplateDefinition | undefined {
  const fields = check.mapping(value, path, ['kind', 'name', 'durationDays', 'tasks', 'exitCriteria']);
  if (!fields) return undefined;
  const kind = check.oneOf(fields.kind, at(path, 'kind'), STAGE_KINDS, 'stage kind');
  const name = readName(check, fields.name, at(path, 'name'));
  const issuesBefore = check.issues.length;
  const durationDays = check.days(fields, 'durationDays', path);
  const tasks = check.list(fields, 'tasks', path, readTask);
  // Compared only when the stage and its tasks were read cleanly, or the sum would mislead.
  const taskDays = tasks.reduce((sum, task) => sum + task.durationDays, 0);
  if (check.issues.length === issuesBefore && taskDays !== durationDays) {
    check.fail(
      at(path, 'durationDays'),
      `is ${durationDays} but its tasks, chained finish-to-start, take ${taskDays} working days`,
    );
  }
  return { kind, name, durationDays, tasks, exitCriteria: check.list(fields, 'exitCriteria', path, readCriterion) };
}

function readTask(check: Checker, value: unknown, path: string): TaskTemplateDefinition | undefined {
  const fields = check.mapping(value, path, ['name', 'durationDays']);
  if (!fields) return undefined;
  return { name: readName(check, fields.name, at(path, 'name')), durationDays: check.days(fields, 'durationDays', path) };
}

function readCriterion(check: Checker, value: unknown, path: string): CriterionTemplateDefinition | undefined {
  const fields = check.mapping(value, path, ['text', 'priority']);
  if (!fields) return undefined;
  return {
    text: check.text(fields, 'text', path),
    priority:
      fields.priority === undefined ? 'MUST' : check.oneOf(fields.priority, at(path, 'priority'), PRIORITIES, 'priority'),
  };
}

function readMilestonePlan(check: Checker, value: unknown): MilestonePlanDefinition | undefined {
  const path = 'milestonePlan';
  const fields = check.mapping(value, path, ['prepareDays', 'hypercareDays', 'waveLagDays']);
  if (!fields) return undefined;
  return {
    prepareDays: check.days(fields, 'prepareDays', path),
    hypercareDays: check.days(fields, 'hypercareDays', path),
    waveLagDays: check.days(fields, 'waveLagDays', path),
  };
}

function readName(check: Checker, value: unknown, path: string): string {
  const name = check.requiredText(value, path);
  if (name.length > MAX_NAME_LENGTH) check.fail(path, `must be at most ${MAX_NAME_LENGTH} characters`);
  return name;
}

/**
 * Collects issues instead of throwing at the first one. Readers return placeholder values for
 * bad fields; those never escape because any issue makes parseMethodologyTemplate throw.
 */
class Checker {
  readonly issues: TemplateIssue[] = [];

  fail(path: string, message: string): void {
    this.issues.push({ path: path || '(document)', message });
  }

  /** A mapping with only the allowed fields: a misspelt optional field would otherwise vanish silently. */
  mapping(value: unknown, path: string, allowed: string[]): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, `must be a mapping with fields ${allowed.join(', ')}`);
      return undefined;
    }
    for (const field of Object.keys(value)) {
      if (!allowed.includes(field)) this.fail(at(path, field), `unknown field; expected one of ${allowed.join(', ')}`);
    }
    return value as Record<string, unknown>;
  }

  text(fields: Record<string, unknown>, field: string, path: string): string {
    return this.requiredText(fields[field], at(path, field));
  }

  requiredText(value: unknown, path: string): string {
    if (value === undefined || value === null) {
      this.fail(path, 'is required');
      return '';
    }
    if (typeof value !== 'string' || !value.trim()) {
      this.fail(path, 'must be a non-empty string');
      return '';
    }
    return value.trim();
  }

  optionalText(fields: Record<string, unknown>, field: string, path: string): string | undefined {
    return fields[field] === undefined ? undefined : this.text(fields, field, path);
  }

  days(fields: Record<string, unknown>, field: string, path: string): number {
    const value = fields[field];
    if (value === undefined || value === null) {
      this.fail(at(path, field), 'is required (working days)');
      return 0;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      this.fail(at(path, field), `must be a non-negative integer number of working days, got ${JSON.stringify(value)}`);
      return 0;
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[], label: string): T {
    if (value === undefined || value === null) {
      this.fail(path, `is required; one of ${allowed.join(', ')}`);
    } else if (!allowed.includes(value as T)) {
      this.fail(path, `unknown ${label} ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}`);
    }
    return value as T;
  }

  /** A required, non-empty list whose items are read by `readItem`. */
  list<T>(
    fields: Record<string, unknown>,
    field: string,
    path: string,
    readItem: (check: Checker, value: unknown, itemPath: string) => T | undefined,
  ): T[] {
    const listPath = at(path, field);
    const value = fields[field];
    if (!Array.isArray(value) || !value.length) {
      this.fail(listPath, value === undefined ? 'is required (a non-empty list)' : 'must be a non-empty list');
      return [];
    }
    return value
      .map((item, index) => readItem(this, item, at(listPath, index)))
      .filter((item): item is T => item !== undefined);
  }

  /** Names compared case-insensitively: "Analysis" and "analysis" would confuse people just the same. */
  unique(values: string[], listPath: string, field?: string): void {
    const pathOf = (index: number) => (field ? at(at(listPath, index), field) : at(listPath, index));
    const firstIndex = new Map<string, number>();
    values.forEach((value, index) => {
      if (!value) return; // already reported as missing
      const normalized = value.toLowerCase();
      const first = firstIndex.get(normalized);
      if (first === undefined) firstIndex.set(normalized, index);
      else this.fail(pathOf(index), `"${value}" duplicates ${pathOf(first)}`);
    });
  }
}

function at(path: string, step: string | number): string {
  if (typeof step === 'number') return `${path}[${step}]`;
  return path ? `${path}.${step}` : step;
}

/** Repeated keys in one YAML mapping, named by their field path (the YAML library only gives a line). */
function findDuplicateKeys(document: Document): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  visit(document, {
    Map(_, map, ancestors) {
      const chain = [...ancestors, map];
      let path = '';
      chain.forEach((node, i) => {
        const parent = chain[i - 1];
        if (isPair(node)) path = at(path, String(isScalar(node.key) ? node.key.value : node.key));
        else if (isSeq(parent)) path = at(path, parent.items.indexOf(node));
      });
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
        if (seen.has(key)) issues.push({ path: at(path, key), message: 'duplicate key' });
        seen.add(key);
      }
    },
  });
  return issues;
}
