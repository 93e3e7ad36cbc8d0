import { ConfirmationDecision, CriterionStatus } from './criterion.enums';
import { deriveCriterionStatus, standingRejecters } from './criterion-status';

const { CONFIRMED: C, REJECTED: R } = ConfirmationDecision;
const by = (userId: string, decision: ConfirmationDecision) => ({ userId, decision });

describe('deriveCriterionStatus', () => {
  it.each([
    ['no decisions yet', ['a'], [], CriterionStatus.PENDING],
    ['no confirmers assigned', [], [], CriterionStatus.PENDING],
    ['the only confirmer confirms', ['a'], [by('a', C)], CriterionStatus.CONFIRMED],
    ['the only confirmer rejects', ['a'], [by('a', R)], CriterionStatus.REJECTED],
    ['reject then re-confirm', ['a'], [by('a', R), by('a', C)], CriterionStatus.CONFIRMED],
    ['confirm then reject', ['a'], [by('a', C), by('a', R)], CriterionStatus.REJECTED],
    ['one of two confirms', ['a', 'b'], [by('a', C)], CriterionStatus.PENDING],
    ['both confirm', ['a', 'b'], [by('a', C), by('b', C)], CriterionStatus.CONFIRMED],
    ['one confirms, one rejects', ['a', 'b'], [by('a', C), by('b', R)], CriterionStatus.REJECTED],
    ['a rejection with the other pending', ['a', 'b'], [by('b', R)], CriterionStatus.REJECTED],
    ['the rejecter re-confirms', ['a', 'b'], [by('a', C), by('b', R), by('b', C)], CriterionStatus.CONFIRMED],
    ['a non-confirmer decision does not count', ['a'], [by('z', R), by('a', C)], CriterionStatus.CONFIRMED],
  ])('%s', (_label, confirmers, decisions, expected) => {
    expect(deriveCriterionStatus(confirmers as string[], decisions as ReturnType<typeof by>[], false)).toBe(expected);
  });

  it('a waiver overrides every decision', () => {
    expect(deriveCriterionStatus(['a'], [by('a', R)], true)).toBe(CriterionStatus.WAIVED);
  });

  it('standing rejecters: confirmers whose latest decision is a rejection', () => {
    expect(standingRejecters(['a', 'b', 'c'], [by('a', R), by('b', R), by('b', C), by('c', C), by('z', R)])).toEqual(['a']);
    expect(standingRejecters(['a'], [])).toEqual([]);
  });
});
