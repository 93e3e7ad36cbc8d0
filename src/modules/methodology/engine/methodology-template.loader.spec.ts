import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MethodologyTemplateDefinition } from './methodology-template';
import {
  loadMethodologyTemplates,
  MethodologyTemplateError,
  parseMethodologyTemplate,
} from './methodology-template.loader';

const TEMPLATES_DIR = resolve('templates/methodologies');

const REQUIRED_COMPLETION_CRITERIA = [
  /^Main business processes run in the system/,
  /^Regulatory reporting is correct/,
  /^Mass document issuing is configured/,
  /^Staff work confidently in the system/,
];

describe('shipped methodology templates', () => {
  const templates = loadMethodologyTemplates(TEMPLATES_DIR);
  const byKey = (key: string): MethodologyTemplateDefinition => templates.find((template) => template.key === key)!;

  it('loads every template, sorted by key', () => {
    expect(templates.map((template) => template.key)).toEqual(['billing-remote', 'client-service-waves', 'prince2-crm']);
  });

  it.each([
    ['prince2-crm', ['DIAGNOSTICS', 'ANALYSIS', 'CONFIGURATION', 'DEPLOYMENT_PILOT', 'SUPPORT_TRANSITION']],
    [
      'billing-remote',
      ['DIAGNOSTICS', 'ANALYSIS', 'CONFIGURATION', 'CUSTOM', 'DEPLOYMENT_PILOT', 'CUSTOM', 'SUPPORT_TRANSITION'],
    ],
    [
      'client-service-waves',
      ['DIAGNOSTICS', 'ANALYSIS', 'CONFIGURATION', 'DEPLOYMENT_PILOT', 'CUSTOM', 'SUPPORT_TRANSITION'],
    ],
  ])('%s has its stage kinds in order', (key, kinds) => {
    expect(byKey(key).stages.map((stage) => stage.kind)).toEqual(kinds);
  });

  it('names the PRINCE2 CRM stages as project managers know them', () => {
    expect(byKey('prince2-crm').stages.map((stage) => stage.name)).toEqual([
      'Diagnostics',
      'Analysis',
      'Configuration',
      'Deployment and pilot operation',
      'Transition to support',
    ]);
  });

  it.each(templates.map((template) => [template.key, template] as const))(
    '%s: stage durations add up, 3–8 tasks and 2–5 exit criteria with a MUST per stage',
    (_key, template) => {
      for (const stage of template.stages) {
        expect(stage.durationDays).toBe(stage.tasks.reduce((sum, task) => sum + task.durationDays, 0));
        expect(stage.tasks.length).toBeGreaterThanOrEqual(3);
        expect(stage.tasks.length).toBeLessThanOrEqual(8);
        expect(stage.exitCriteria.length).toBeGreaterThanOrEqual(2);
        expect(stage.exitCriteria.length).toBeLessThanOrEqual(5);
        expect(stage.exitCriteria.some((criterion) => criterion.priority === 'MUST')).toBe(true);
      }
    },
  );

  it.each(templates.map((template) => [template.key, template] as const))(
    '%s: has the four standard completion criteria as MUST, and a calendar',
    (_key, template) => {
      for (const pattern of REQUIRED_COMPLETION_CRITERIA) {
        expect(template.completionCriteria).toContainEqual({ text: expect.stringMatching(pattern), priority: 'MUST' });
      }
      expect(template.calendarCode).toBe('RU');
      expect(template.description).toBeTruthy();
    },
  );

  it('plans the waves template: milestone defaults, function areas in wave order', () => {
    const waves = byKey('client-service-waves');
    expect(waves.milestonePlan).toEqual({ prepareDays: 10, hypercareDays: 10, waveLagDays: 15 });
    expect(waves.functionAreas?.[0]).toBe('Order intake');
    expect(byKey('prince2-crm').milestonePlan).toBeUndefined();
  });
});

const HEADER = `key: sample
name: Sample rollout
`;
const STAGES = `stages:
  - kind: DIAGNOSTICS
    name: Diagnostics
    durationDays: 7
    tasks:
      - { name: Interviews, durationDays: 5 }
      - { name: Proposal, durationDays: 2 }
    exitCriteria:
      - { text: Proposal accepted }
`;
const COMPLETION = `completionCriteria:
  - { text: Main business processes run in the system, priority: SHOULD }
`;
const VALID = HEADER + STAGES + COMPLETION;

/** The valid sample with one snippet swapped; fails loudly if the snippet is not there. */
function validWith(snippet: string, replacement: string): string {
  if (!VALID.includes(snippet)) throw new Error(`sample has no "${snippet}"`);
  return VALID.replace(snippet, replacement);
}

function refusalOf(yamlText: string, fileName = 'sample.yaml'): MethodologyTemplateError {
  try {
    parseMethodologyTemplate(yamlText, fileName);
  } catch (error) {
    if (error instanceof MethodologyTemplateError) return error;
    throw error;
  }
  throw new Error('the template was accepted');
}

describe('parseMethodologyTemplate', () => {
  it('accepts the sample and defaults priorities to MUST', () => {
    const template = parseMethodologyTemplate(VALID, 'sample.yaml');
    expect(template).toEqual({
      key: 'sample',
      name: 'Sample rollout',
      stages: [
        {
          kind: 'DIAGNOSTICS',
          name: 'Diagnostics',
          durationDays: 7,
          tasks: [
            { name: 'Interviews', durationDays: 5 },
            { name: 'Proposal', durationDays: 2 },
          ],
          exitCriteria: [{ text: 'Proposal accepted', priority: 'MUST' }],
        },
      ],
      completionCriteria: [{ text: 'Main business processes run in the system', priority: 'SHOULD' }],
    });
  });

  it.each([
    {
      problem: 'an unknown stage kind',
      yaml: validWith('kind: DIAGNOSTICS', 'kind: DESIGN'),
      path: 'stages[0].kind',
      message: 'unknown stage kind "DESIGN"',
    },
    {
      problem: 'a missing stage kind',
      yaml: validWith('  - kind: DIAGNOSTICS\n    name: Diagnostics', '  - name: Diagnostics'),
      path: 'stages[0].kind',
      message: 'is required',
    },
    { problem: 'a missing template name', yaml: validWith('name: Sample rollout\n', ''), path: 'name', message: 'is required' },
    {
      problem: 'a missing stage name',
      yaml: validWith('    name: Diagnostics\n', ''),
      path: 'stages[0].name',
      message: 'is required',
    },
    {
      problem: 'a blank task name',
      yaml: validWith('{ name: Interviews,', '{ name: "  ",'),
      path: 'stages[0].tasks[0].name',
      message: 'non-empty string',
    },
    {
      problem: 'a name longer than the database column',
      yaml: validWith('name: Proposal', `name: ${'x'.repeat(201)}`),
      path: 'stages[0].tasks[1].name',
      message: 'at most 200 characters',
    },
    {
      problem: 'a negative task duration',
      yaml: validWith('durationDays: 5', 'durationDays: -5'),
      path: 'stages[0].tasks[0].durationDays',
      message: 'non-negative integer',
    },
    {
      problem: 'a fractional task duration',
      yaml: validWith('durationDays: 5', 'durationDays: 2.5'),
      path: 'stages[0].tasks[0].durationDays',
      message: 'non-negative integer',
    },
    {
      problem: 'a duration given as text',
      yaml: validWith('durationDays: 7', 'durationDays: "7"'),
      path: 'stages[0].durationDays',
      message: 'non-negative integer',
    },
    {
      problem: 'a missing task duration',
      yaml: validWith('{ name: Proposal, durationDays: 2 }', '{ name: Proposal }'),
      path: 'stages[0].tasks[1].durationDays',
      message: 'is required',
    },
    {
      problem: 'a stage duration that differs from the sum of its tasks',
      yaml: validWith('durationDays: 7', 'durationDays: 8'),
      path: 'stages[0].durationDays',
      message: 'is 8 but its tasks, chained finish-to-start, take 7 working days',
    },
    {
      problem: 'an unknown priority',
      yaml: validWith('{ text: Proposal accepted }', '{ text: Proposal accepted, priority: HIGH }'),
      path: 'stages[0].exitCriteria[0].priority',
      message: 'unknown priority "HIGH"',
    },
    {
      problem: 'a criterion without text',
      yaml: validWith('{ text: Proposal accepted }', '{ priority: MUST }'),
      path: 'stages[0].exitCriteria[0].text',
      message: 'is required',
    },
    { problem: 'empty stages', yaml: HEADER + 'stages: []\n' + COMPLETION, path: 'stages', message: 'non-empty list' },
    { problem: 'missing stages', yaml: HEADER + COMPLETION, path: 'stages', message: 'is required' },
    {
      problem: 'a stage without tasks',
      yaml: validWith(
        '    tasks:\n      - { name: Interviews, durationDays: 5 }\n      - { name: Proposal, durationDays: 2 }\n',
        '    tasks: []\n',
      ),
      path: 'stages[0].tasks',
      message: 'non-empty list',
    },
    {
      problem: 'a stage without exit criteria',
      yaml: validWith('    exitCriteria:\n      - { text: Proposal accepted }\n', ''),
      path: 'stages[0].exitCriteria',
      message: 'is required',
    },
    {
      problem: 'missing completion criteria',
      yaml: HEADER + STAGES,
      path: 'completionCriteria',
      message: 'is required',
    },
    {
      problem: 'a misspelt field',
      yaml: validWith('    exitCriteria:', '    exitCriterias:'),
      path: 'stages[0].exitCriterias',
      message: 'unknown field',
    },
    {
      problem: 'a stage that is not a mapping',
      yaml: HEADER + 'stages:\n  - Diagnostics\n' + COMPLETION,
      path: 'stages[0]',
      message: 'must be a mapping',
    },
    {
      problem: 'a duplicate key in a mapping',
      yaml: validWith('    name: Diagnostics\n', '    name: Diagnostics\n    name: Survey\n'),
      path: 'stages[0].name',
      message: 'duplicate key',
    },
    {
      problem: 'a duplicate stage name',
      yaml: HEADER + STAGES + STAGES.replace('stages:\n', '').replace('Diagnostics', 'diagnostics') + COMPLETION,
      path: 'stages[1].name',
      message: 'duplicates stages[0].name',
    },
    {
      problem: 'a duplicate function area',
      yaml: VALID + 'functionAreas: [Order intake, Billing, Order intake]\n',
      path: 'functionAreas[2]',
      message: 'duplicates functionAreas[0]',
    },
    {
      problem: 'a bad milestone plan',
      yaml: VALID + 'milestonePlan: { prepareDays: 10, hypercareDays: 10, waveLagDays: -1 }\n',
      path: 'milestonePlan.waveLagDays',
      message: 'non-negative integer',
    },
    {
      problem: 'an incomplete milestone plan',
      yaml: VALID + 'milestonePlan: { prepareDays: 10, hypercareDays: 10 }\n',
      path: 'milestonePlan.waveLagDays',
      message: 'is required',
    },
    { problem: 'a key not in kebab case', yaml: validWith('key: sample', 'key: Sample_1'), path: 'key', message: 'lower-case' },
    { problem: 'a document that is a list', yaml: '- key: sample\n', path: '(document)', message: 'must be a mapping' },
    {
      problem: 'a YAML syntax error',
      yaml: validWith('{ name: Proposal, durationDays: 2 }', '{ name: Proposal, durationDays: 2'),
      path: expect.stringMatching(/^line \d+, column \d+$/),
      message: 'Flow map',
    },
  ])('refuses $problem, naming the file and the field', ({ yaml, path, message }) => {
    const error = refusalOf(yaml);
    expect(error.fileName).toBe('sample.yaml');
    expect(error.message).toContain('sample.yaml');
    expect(error.issues).toContainEqual({
      path,
      message: expect.stringContaining(message),
    });
    if (typeof path === 'string') expect(error.message).toContain(`${path}: `);
  });

  it('refuses a key that differs from the file name', () => {
    const error = refusalOf(VALID, 'templates/methodologies/other.yaml');
    expect(error.message).toContain('templates/methodologies/other.yaml');
    expect(error.issues).toEqual([{ path: 'key', message: expect.stringContaining('must equal the file name') }]);
  });

  it('reports every problem of a file at once', () => {
    const yaml = validWith('kind: DIAGNOSTICS', 'kind: DESIGN').replace('durationDays: 5', 'durationDays: -1');
    expect(refusalOf(yaml).issues.map((issue) => issue.path)).toEqual([
      'stages[0].kind',
      'stages[0].tasks[0].durationDays',
    ]);
  });
});

describe('loadMethodologyTemplates', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'methodologies-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads .yaml and .yml files only, sorted by key', () => {
    writeFileSync(join(dir, 'sample.yaml'), VALID);
    writeFileSync(join(dir, 'another.yml'), VALID.replace('key: sample', 'key: another'));
    writeFileSync(join(dir, 'README.md'), '# not a template');
    expect(loadMethodologyTemplates(dir).map((template) => template.key)).toEqual(['another', 'sample']);
  });

  it('refuses two files defining the same key', () => {
    writeFileSync(join(dir, 'sample.yaml'), VALID);
    writeFileSync(join(dir, 'sample.yml'), VALID);
    expect(() => loadMethodologyTemplates(dir)).toThrow(/sample\.yml:\n {2}- key: "sample" is already defined by .*sample\.yaml/);
  });

  it('names the bad file among good ones', () => {
    writeFileSync(join(dir, 'sample.yaml'), VALID);
    writeFileSync(join(dir, 'broken.yaml'), VALID.replace('key: sample', 'key: broken').replace('kind: DIAGNOSTICS', 'kind: X'));
    expect(() => loadMethodologyTemplates(dir)).toThrow(/broken\.yaml:\n {2}- stages\[0\]\.kind: unknown stage kind "X"/);
  });

  it('refuses a directory without templates', () => {
    expect(() => loadMethodologyTemplates(dir)).toThrow(/No methodology templates/);
  });
});
