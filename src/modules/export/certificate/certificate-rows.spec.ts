import { ConfirmationDecision, CriterionStatus, Priority } from '../../criterion/criterion.enums';
import { certificateLines, type CriterionFacts } from './certificate-rows';

const at = (day: number) => new Date(`2026-03-${String(day).padStart(2, '0')}T10:00:00Z`);
const criterion = (id: string, extra: Partial<CriterionFacts> = {}): CriterionFacts => ({ id, text: `Criterion ${id}`, priority: Priority.MUST, waiverReason: null, waivedById: null, waivedAt: null, ...extra });
const people = new Map([
  ['ann', { fullName: 'Ann Client', organization: 'CLIENT' }],
  ['bob', { fullName: 'Bob Sponsor', organization: 'CLIENT' }],
]);

describe('certificate lines', () => {
  it('numbers criteria in order and derives each status with the date it was decided on', () => {
    const lines = certificateLines(
      [criterion('a'), criterion('b'), criterion('c', { waivedAt: at(9), waivedById: 'bob', waiverReason: 'Done in the next wave' }), criterion('d')],
      new Map([['a', ['ann', 'bob']], ['b', ['ann']], ['c', ['ann']], ['d', ['ann']]]),
      [
        { criterionId: 'a', userId: 'ann', decision: ConfirmationDecision.CONFIRMED, comment: null, at: at(3) },
        { criterionId: 'b', userId: 'ann', decision: ConfirmationDecision.REJECTED, comment: 'Reports are missing', at: at(4) },
        { criterionId: 'a', userId: 'bob', decision: ConfirmationDecision.CONFIRMED, comment: '=1+1', at: at(5) },
      ],
      people,
    );
    expect(lines.criteria.map((c) => [c.number, c.status, c.decidedOn])).toEqual([
      [1, CriterionStatus.CONFIRMED, at(5)],
      [2, CriterionStatus.REJECTED, at(4)],
      [3, CriterionStatus.WAIVED, at(9)],
      [4, CriterionStatus.PENDING, null],
    ]);
    expect(lines.criteria[0].confirmers).toEqual(['Ann Client', 'Bob Sponsor']);
    expect(lines.decisions.map((d) => [d.number, d.who, d.decision, d.comment])).toEqual([
      [1, 'Ann Client', 'CONFIRMED', null],
      [2, 'Ann Client', 'REJECTED', 'Reports are missing'],
      [1, 'Bob Sponsor', 'CONFIRMED', '=1+1'],
    ]);
    expect(lines.waivers).toEqual([{ number: 3, reason: 'Done in the next wave', who: 'Bob Sponsor', organization: 'CLIENT', at: at(9) }]);
  });

  it('keeps an overturned rejection in the record while the status follows the latest decision', () => {
    const lines = certificateLines([criterion('a')], new Map([['a', ['ann']]]), [
      { criterionId: 'a', userId: 'ann', decision: ConfirmationDecision.REJECTED, comment: 'Not yet', at: at(2) },
      { criterionId: 'a', userId: 'ann', decision: ConfirmationDecision.CONFIRMED, comment: 'Fixed', at: at(6) },
    ], people);
    expect(lines.criteria[0]).toMatchObject({ status: CriterionStatus.CONFIRMED, decidedOn: at(6) });
    expect(lines.decisions.map((d) => d.decision)).toEqual(['REJECTED', 'CONFIRMED']);
  });
});
