import { Rag } from '../../schedule/rag.enum';
import { RagDimension } from '../reporting.enums';
import { ExceptionDecision, ExceptionDimension } from './exception.enums';
import {
  closesException, exceptionDecisionText, exceptionDescription, exceptionPlanBaselineName, normaliseNote, ratingsRaisingExceptions, whyDecisionRefused,
} from './exception-rules';

const rating = (dimension: RagDimension, computed: Rag | null, basis = `${dimension} basis`) => ({ dimension, computed, basis });
const report = { periodStart: '2026-03-02', periodEnd: '2026-03-13' };
const openState = { open: true, decision: null, decidedAt: null, decidedByName: null, planRequestedAt: null };

describe('exception rules', () => {
  it('raises one exception per computed RED among schedule and cost, schedule first', () => {
    const raised = ratingsRaisingExceptions([
      rating(RagDimension.COST, Rag.RED), rating(RagDimension.SCHEDULE, Rag.RED), rating(RagDimension.RISK, Rag.RED), rating(RagDimension.QUALITY, Rag.RED),
    ]);
    expect(raised).toEqual([{ dimension: ExceptionDimension.SCHEDULE, basis: 'SCHEDULE basis' }, { dimension: ExceptionDimension.COST, basis: 'COST basis' }]);
  });

  it('raises nothing for AMBER, GREEN, an unrated cost or other dimensions in RED', () => {
    expect(ratingsRaisingExceptions([rating(RagDimension.SCHEDULE, Rag.AMBER), rating(RagDimension.COST, null), rating(RagDimension.READINESS, Rag.RED)])).toEqual([]);
    expect(ratingsRaisingExceptions([rating(RagDimension.SCHEDULE, Rag.GREEN)])).toEqual([]);
    expect(ratingsRaisingExceptions([])).toEqual([]);
  });

  it('reads the computed rating, not the override: a RED overridden to AMBER still raises, an AMBER overridden to RED does not', () => {
    // The reporting module's RagRating carries `rating` (the effective one) beside `computed`.
    const overriddenDown = { ...rating(RagDimension.SCHEDULE, Rag.RED), rating: Rag.AMBER };
    const overriddenUp = { ...rating(RagDimension.COST, Rag.AMBER), rating: Rag.RED };
    expect(ratingsRaisingExceptions([overriddenDown, overriddenUp]).map((r) => r.dimension)).toEqual([ExceptionDimension.SCHEDULE]);
  });

  it('describes the exception by the report and the forecast of the rating’s basis', () => {
    expect(exceptionDescription(report, 'forecast 2026-09-14 is 14 working days after baseline 2026-08-25; tolerance 10'))
      .toBe('Status report 2026-03-02 – 2026-03-13: forecast 2026-09-14 is 14 working days after baseline 2026-08-25; tolerance 10');
  });

  it('names the exception plan’s baseline after the exception', () => {
    expect(exceptionPlanBaselineName(ExceptionDimension.SCHEDULE, report)).toBe('Exception plan: schedule, status report 2026-03-02 – 2026-03-13');
    expect(exceptionPlanBaselineName(ExceptionDimension.COST, report)).toBe('Exception plan: cost, status report 2026-03-02 – 2026-03-13');
  });

  it('approving the plan and closing prematurely close the exception; requesting a plan keeps it open', () => {
    expect(closesException(ExceptionDecision.APPROVE_EXCEPTION_PLAN)).toBe(true);
    expect(closesException(ExceptionDecision.PREMATURE_CLOSE)).toBe(true);
    expect(closesException(ExceptionDecision.REQUEST_EXCEPTION_PLAN)).toBe(false);
  });

  it('an open exception takes any decision', () => {
    for (const decision of Object.values(ExceptionDecision)) expect(whyDecisionRefused(openState, decision)).toBeNull();
  });

  it('after a request for a plan, only a closing decision follows', () => {
    const requested = { ...openState, decision: ExceptionDecision.REQUEST_EXCEPTION_PLAN, decidedAt: new Date('2026-03-16T09:30:00Z'), decidedByName: 'Irina', planRequestedAt: new Date('2026-03-16T09:30:00Z') };
    const refused = whyDecisionRefused(requested, ExceptionDecision.REQUEST_EXCEPTION_PLAN);
    expect(refused).toEqual({ field: 'decision', message: expect.stringContaining('An exception plan was already requested on 2026-03-16 09:30 UTC') });
    expect(refused!.message).toContain('APPROVE_EXCEPTION_PLAN');
    expect(whyDecisionRefused(requested, ExceptionDecision.APPROVE_EXCEPTION_PLAN)).toBeNull();
    expect(whyDecisionRefused(requested, ExceptionDecision.PREMATURE_CLOSE)).toBeNull();
  });

  it('a closed exception is decided once: every further decision is refused, saying who decided and when', () => {
    const closed = { open: false, decision: ExceptionDecision.APPROVE_EXCEPTION_PLAN, decidedAt: new Date('2026-03-17T10:00:00Z'), decidedByName: 'Irina Sponsor', planRequestedAt: null };
    for (const decision of Object.values(ExceptionDecision)) {
      expect(whyDecisionRefused(closed, decision)).toEqual({
        field: 'id', message: 'The exception was already decided: APPROVE_EXCEPTION_PLAN on 2026-03-17 10:00 UTC by Irina Sponsor; an exception is decided once',
      });
    }
  });

  it('writes the decision log’s text: the exception, the decision and the note', () => {
    expect(exceptionDecisionText({ dimension: ExceptionDimension.SCHEDULE, report, decision: ExceptionDecision.APPROVE_EXCEPTION_PLAN, note: 'Go-live moves to October' }))
      .toBe('Exception on schedule, status report 2026-03-02 – 2026-03-13: exception plan approved: Go-live moves to October');
    expect(exceptionDecisionText({ dimension: ExceptionDimension.COST, report, decision: ExceptionDecision.PREMATURE_CLOSE, note: null }))
      .toBe('Exception on cost, status report 2026-03-02 – 2026-03-13: project closed prematurely');
  });

  it('a blank note is none', () => {
    expect(normaliseNote('  ')).toBeNull();
    expect(normaliseNote(undefined)).toBeNull();
    expect(normaliseNote(' Agreed ')).toBe('Agreed');
  });
});
