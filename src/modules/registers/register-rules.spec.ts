import { DomainError } from '../../common/errors/domain-error';
import { compareIssues, compareRisks, requireRating, requireResolutionFor, requireTitle, riskScore } from './register-rules';
import { IssuePriority, IssueStatus, RegisterStatus } from './registers.enums';

const refusal = (run: () => unknown): { code: string; field: unknown } => {
  try {
    run();
  } catch (error) {
    return { code: (error as DomainError).code, field: (error as DomainError).details.field };
  }
  throw new Error('expected a refusal');
};

describe('risk score', () => {
  it('is probability × impact', () => {
    expect(riskScore({ probability: 1, impact: 1 })).toBe(1);
    expect(riskScore({ probability: 2, impact: 4 })).toBe(8);
    expect(riskScore({ probability: 3, impact: 5 })).toBe(15);
    expect(riskScore({ probability: 5, impact: 5 })).toBe(25);
  });
});

describe('ratings', () => {
  it.each([1, 2, 3, 4, 5])('accepts %p', (value) => expect(requireRating(value, 'impact')).toBe(value));
  it.each([0, 6, -1, 2.5])('refuses %p naming the field', (value) => {
    expect(refusal(() => requireRating(value, 'probability'))).toEqual({ code: 'BAD_USER_INPUT', field: 'probability' });
    expect(refusal(() => requireRating(value, 'impact'))).toEqual({ code: 'BAD_USER_INPUT', field: 'impact' });
  });
});

describe('texts and resolution', () => {
  it('trims a title and refuses a blank one', () => {
    expect(requireTitle('  Data migration late ')).toBe('Data migration late');
    expect(refusal(() => requireTitle('   '))).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
  });

  it('wants a resolution for RESOLVED only', () => {
    expect(refusal(() => requireResolutionFor(IssueStatus.RESOLVED, null))).toEqual({ code: 'BAD_USER_INPUT', field: 'resolution' });
    expect(() => requireResolutionFor(IssueStatus.RESOLVED, 'Patched')).not.toThrow();
    expect(() => requireResolutionFor(IssueStatus.CLOSED, null)).not.toThrow();
    expect(() => requireResolutionFor(IssueStatus.OPEN, null)).not.toThrow();
  });
});

describe('register order', () => {
  const at = (n: number) => new Date(Date.UTC(2026, 0, n));
  const risk = (id: string, status: RegisterStatus, probability: number, impact: number, proximity: string | null, day = 1) =>
    ({ id, status, probability, impact, proximity, createdAt: at(day) });

  it('lists open risks first, highest score first, nearest proximity first (none last), then the oldest', () => {
    const risks = [
      risk('closed-25', RegisterStatus.CLOSED, 5, 5, null),
      risk('open-6-none', RegisterStatus.OPEN, 2, 3, null),
      risk('open-6-later', RegisterStatus.OPEN, 3, 2, '2026-06-01'),
      risk('open-6-soon', RegisterStatus.OPEN, 2, 3, '2026-03-01'),
      risk('open-20', RegisterStatus.OPEN, 4, 5, null),
      risk('open-20-older', RegisterStatus.OPEN, 5, 4, null, 0),
    ];
    expect([...risks].sort(compareRisks).map((r) => r.id)).toEqual(['open-20-older', 'open-20', 'open-6-soon', 'open-6-later', 'open-6-none', 'closed-25']);
  });

  it('lists issues open, resolved, closed; HIGH before MEDIUM before LOW; then the oldest', () => {
    const issue = (id: string, status: IssueStatus, priority: IssuePriority, day: number) => ({ id, status, priority, raisedAt: at(day) });
    const issues = [
      issue('closed-high', IssueStatus.CLOSED, IssuePriority.HIGH, 1),
      issue('open-low', IssueStatus.OPEN, IssuePriority.LOW, 1),
      issue('resolved-high', IssueStatus.RESOLVED, IssuePriority.HIGH, 1),
      issue('open-high-new', IssueStatus.OPEN, IssuePriority.HIGH, 3),
      issue('open-medium', IssueStatus.OPEN, IssuePriority.MEDIUM, 1),
      issue('open-high-old', IssueStatus.OPEN, IssuePriority.HIGH, 2),
    ];
    expect([...issues].sort(compareIssues).map((i) => i.id)).toEqual(['open-high-old', 'open-high-new', 'open-medium', 'open-low', 'resolved-high', 'closed-high']);
  });
});
