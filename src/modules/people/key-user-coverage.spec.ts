import { computeCoverage, DEFAULT_QUALIFICATION_RULE, isGap } from './key-user-coverage';

const ku = (userId: string, functionAreaId: string, territoryId: string | null, processKnowledge: number, teaching: number, flags: { firstLineSupport?: boolean; backup?: boolean } = {}) =>
  ({ userId, functionAreaId, territoryId, processKnowledge, teaching, firstLineSupport: false, backup: false, ...flags });

describe('key-user coverage', () => {
  it('has one cell per function area × territory and counts only qualified key users', () => {
    const cells = computeCoverage(['orders', 'docs'], ['plant2', 'wh5'], [
      ku('anna', 'orders', 'plant2', 4, 3),
      ku('boris', 'orders', 'wh5', 3, 5), // knows the process too little
      ku('vera', 'docs', null, 5, 4), // covers document issuing everywhere
    ], DEFAULT_QUALIFICATION_RULE);
    expect(cells.map((c) => [c.functionAreaId, c.territoryId, c.qualified.map((a) => a.userId)])).toEqual([
      ['orders', 'plant2', ['anna']],
      ['orders', 'wh5', []],
      ['docs', 'plant2', ['vera']],
      ['docs', 'wh5', ['vera']],
    ]);
    expect(cells.filter(isGap).map((c) => [c.functionAreaId, c.territoryId])).toEqual([['orders', 'wh5']]);
  });

  it('uses function areas alone when the project has no territories', () => {
    const cells = computeCoverage(['orders'], [], [ku('anna', 'orders', null, 5, 5)], DEFAULT_QUALIFICATION_RULE);
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ territoryId: null, required: 1 });
    expect(isGap(cells[0])).toBe(false);
  });

  it('applies a stricter rule: two qualified key users per cell, teaching at least 4', () => {
    const rule = { minProcessKnowledge: 4, minTeaching: 4, requiredPerCell: 2 };
    const cells = computeCoverage(['orders'], [], [ku('a', 'orders', null, 5, 4), ku('b', 'orders', null, 5, 3)], rule);
    expect(cells[0].qualified.map((a) => a.userId)).toEqual(['a']);
    expect(isGap(cells[0])).toBe(true);
  });

  it('lists who takes first-line requests and who backs them up, qualified or not', () => {
    const [cell] = computeCoverage(['orders'], [], [
      ku('a', 'orders', null, 5, 5, { firstLineSupport: true }),
      ku('b', 'orders', null, 2, 2, { backup: true }),
    ], DEFAULT_QUALIFICATION_RULE);
    expect(cell.firstLine.map((a) => a.userId)).toEqual(['a']);
    expect(cell.backups.map((a) => a.userId)).toEqual(['b']);
  });

  it('counts and lists a person once per cell, though assigned for every territory and for one', () => {
    const cells = computeCoverage(['orders'], ['plant2', 'wh5'], [
      ku('anna', 'orders', null, 5, 5, { firstLineSupport: true, backup: true }),
      ku('anna', 'orders', 'plant2', 4, 4, { firstLineSupport: true, backup: true }),
      ku('boris', 'orders', 'plant2', 2, 2, { backup: true }),
    ], { ...DEFAULT_QUALIFICATION_RULE, requiredPerCell: 2 });
    const plant2 = cells.find((c) => c.territoryId === 'plant2')!;
    expect(plant2.qualified.map((a) => a.userId)).toEqual(['anna']);
    expect(isGap(plant2)).toBe(true);
    expect(plant2.firstLine.map((a) => a.userId)).toEqual(['anna']);
    expect(plant2.backups.map((a) => a.userId)).toEqual(['anna', 'boris']);
    expect(cells.find((c) => c.territoryId === 'wh5')!.qualified.map((a) => a.userId)).toEqual(['anna']);
  });
});
