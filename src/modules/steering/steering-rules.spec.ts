import { DomainError } from '../../common/errors/domain-error';
import { ProjectRole } from '../auth/auth.enums';
import { MeetingKind } from './steering.enums';
import {
  compareDecisionsInOrderTaken, compareMeetingsNewestFirst, requireAttendees, requireDecisionText, requireDueDate, requireHeldOn, requireMeetingTitle,
  requireReviewableReports, whyMayNotKeepMinutes, whyMayNotUpdateDecision,
} from './steering-rules';

const refusal = (run: () => unknown): { code: string; field: unknown } => {
  try {
    run();
  } catch (error) {
    return { code: (error as DomainError).code, field: (error as DomainError).details.field };
  }
  throw new Error('expected a refusal');
};

const caller = (roles: ProjectRole[], extra: { id?: string; isAdmin?: boolean } = {}) => ({ id: extra.id ?? 'me', isAdmin: extra.isAdmin ?? false, roles });
const { PROJECT_MANAGER, STEERING_COMMITTEE, KEY_USER, CONSULTANT, TRAINER, OBSERVER } = ProjectRole;

describe('who keeps the minutes', () => {
  it('the project manager and administrators record both kinds', () => {
    for (const kind of Object.values(MeetingKind)) {
      expect(whyMayNotKeepMinutes(caller([PROJECT_MANAGER]), kind)).toBeNull();
      expect(whyMayNotKeepMinutes(caller([], { isAdmin: true }), kind)).toBeNull();
    }
  });

  it('the steering committee records steering meetings only', () => {
    expect(whyMayNotKeepMinutes(caller([STEERING_COMMITTEE]), MeetingKind.STEERING)).toBeNull();
    expect(whyMayNotKeepMinutes(caller([STEERING_COMMITTEE]), MeetingKind.WEEKLY_STATUS)).toMatch(/project manager/);
  });

  it.each([KEY_USER, CONSULTANT, TRAINER, OBSERVER])('%p records neither kind', (role) => {
    for (const kind of Object.values(MeetingKind)) expect(whyMayNotKeepMinutes(caller([role]), kind)).not.toBeNull();
  });
});

describe('who updates a decision', () => {
  it('its owner, whatever their role, and the project manager', () => {
    for (const kind of Object.values(MeetingKind)) {
      expect(whyMayNotUpdateDecision(caller([OBSERVER], { id: 'owner' }), { ownerId: 'owner' }, kind)).toBeNull();
      expect(whyMayNotUpdateDecision(caller([PROJECT_MANAGER]), { ownerId: 'owner' }, kind)).toBeNull();
      expect(whyMayNotUpdateDecision(caller([], { isAdmin: true }), { ownerId: null }, kind)).toBeNull();
    }
  });

  it('the steering committee for steering meetings only', () => {
    expect(whyMayNotUpdateDecision(caller([STEERING_COMMITTEE]), { ownerId: 'owner' }, MeetingKind.STEERING)).toBeNull();
    expect(whyMayNotUpdateDecision(caller([STEERING_COMMITTEE]), { ownerId: 'owner' }, MeetingKind.WEEKLY_STATUS)).not.toBeNull();
  });

  it('nobody else', () => {
    for (const role of [KEY_USER, CONSULTANT, TRAINER, OBSERVER]) {
      expect(whyMayNotUpdateDecision(caller([role]), { ownerId: 'owner' }, MeetingKind.STEERING)).not.toBeNull();
      expect(whyMayNotUpdateDecision(caller([role]), { ownerId: null }, MeetingKind.WEEKLY_STATUS)).not.toBeNull();
    }
  });
});

describe('values', () => {
  it('a meeting is recorded on or after the day it was held', () => {
    expect(requireHeldOn('2026-03-10', '2026-03-10')).toBe('2026-03-10');
    expect(requireHeldOn('2025-12-31', '2026-03-10')).toBe('2025-12-31');
    expect(refusal(() => requireHeldOn('2026-03-11', '2026-03-10'))).toEqual({ code: 'BAD_USER_INPUT', field: 'heldOn' });
  });

  it('attendees: at least one, repeats dropped', () => {
    expect(requireAttendees(['a', 'b', 'a'])).toEqual(['a', 'b']);
    expect(refusal(() => requireAttendees([]))).toEqual({ code: 'BAD_USER_INPUT', field: 'attendeeIds' });
  });

  it('a decision falls due on or after its meeting; none is fine', () => {
    expect(requireDueDate(null, '2026-03-10')).toBeNull();
    expect(requireDueDate(undefined, '2026-03-10')).toBeNull();
    expect(requireDueDate('2026-03-10', '2026-03-10')).toBe('2026-03-10');
    expect(refusal(() => requireDueDate('2026-03-09', '2026-03-10'))).toEqual({ code: 'BAD_USER_INPUT', field: 'dueDate' });
  });

  it('texts are trimmed and not blank', () => {
    expect(requireDecisionText('  Extend the pilot ')).toBe('Extend the pilot');
    expect(refusal(() => requireDecisionText('  '))).toEqual({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(requireMeetingTitle(' SC #3 ')).toBe('SC #3');
    expect(refusal(() => requireMeetingTitle(''))).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
  });
});

describe('orders', () => {
  const at = (iso: string) => new Date(iso);
  it('meetings: the newest day first, then the latest recorded', () => {
    const meetings = [
      { id: 'a', heldOn: '2026-03-03', recordedAt: at('2026-03-20T10:00:00Z') },
      { id: 'b', heldOn: '2026-03-10', recordedAt: at('2026-03-10T10:00:00Z') },
      { id: 'c', heldOn: '2026-03-10', recordedAt: at('2026-03-10T12:00:00Z') },
    ];
    expect([...meetings].sort(compareMeetingsNewestFirst).map((m) => m.id)).toEqual(['c', 'b', 'a']);
  });

  it('decisions: in the order taken', () => {
    const decisions = [{ id: 'b', recordedAt: at('2026-03-10T10:05:00Z') }, { id: 'a', recordedAt: at('2026-03-10T10:00:00Z') }];
    expect([...decisions].sort(compareDecisionsInOrderTaken).map((d) => d.id)).toEqual(['a', 'b']);
  });
});

describe('requireReviewableReports', () => {
  const published = { id: 'r1', projectId: 'p', published: true };
  const draft = { id: 'r2', projectId: 'p', published: false };
  const elsewhere = { id: 'r3', projectId: 'q', published: true };

  it('keeps reports of the project once each, drafts for those who may see them', () => {
    expect(requireReviewableReports('p', ['r1', 'r2', 'r1'], [published, draft], true)).toEqual(['r1', 'r2']);
    expect(requireReviewableReports('p', [], [], false)).toEqual([]);
  });

  it('refuses unknown ids, other projects’ reports and drafts the recorder cannot see, naming reportIds', () => {
    expect(refusal(() => requireReviewableReports('p', ['nope'], [], true))).toEqual({ code: 'BAD_USER_INPUT', field: 'reportIds' });
    expect(refusal(() => requireReviewableReports('p', ['r3'], [elsewhere], true))).toEqual({ code: 'BAD_USER_INPUT', field: 'reportIds' });
    expect(refusal(() => requireReviewableReports('p', ['r1', 'r2'], [published, draft], false))).toEqual({ code: 'BAD_USER_INPUT', field: 'reportIds' });
  });
});
