/** Who counts as a qualified key user, configurable per project. */
export interface QualificationRule {
  minProcessKnowledge: number;
  minTeaching: number;
  requiredPerCell: number;
}

export const DEFAULT_QUALIFICATION_RULE: QualificationRule = { minProcessKnowledge: 4, minTeaching: 3, requiredPerCell: 1 };

export interface AssignmentScores {
  userId: string;
  functionAreaId: string;
  /** Null: a key user for the function area in every territory. */
  territoryId: string | null;
  processKnowledge: number;
  teaching: number;
  firstLineSupport: boolean;
  backup: boolean;
}

/** Each list holds one assignment per person: a person counts once per cell. */
export interface CoverageCellResult<A> {
  functionAreaId: string;
  territoryId: string | null;
  qualified: A[];
  required: number;
  firstLine: A[];
  backups: A[];
}

export const isQualified = (a: Pick<AssignmentScores, 'processKnowledge' | 'teaching'>, rule: QualificationRule): boolean =>
  a.processKnowledge >= rule.minProcessKnowledge && a.teaching >= rule.minTeaching;

/** The first assignment of each person, in the order given. */
const onePerPerson = <A extends { userId: string }>(assignments: readonly A[]): A[] => {
  const seen = new Set<string>();
  return assignments.filter((a) => {
    if (seen.has(a.userId)) return false;
    seen.add(a.userId);
    return true;
  });
};

/**
 * One cell per function area × territory (function areas alone when there are no territories).
 * An assignment without a territory covers its function area in every territory. Counts and lists
 * are of people, not assignments: someone assigned to an area for every territory and also for
 * one named territory is one key user of that cell, not two.
 */
export function computeCoverage<A extends AssignmentScores>(
  functionAreaIds: readonly string[],
  territoryIds: readonly string[],
  assignments: readonly A[],
  rule: QualificationRule,
): CoverageCellResult<A>[] {
  const territories: (string | null)[] = territoryIds.length ? [...territoryIds] : [null];
  return functionAreaIds.flatMap((functionAreaId) =>
    territories.map((territoryId) => {
      const inCell = assignments.filter((a) =>
        a.functionAreaId === functionAreaId && (a.territoryId === null || a.territoryId === territoryId));
      return {
        functionAreaId,
        territoryId,
        qualified: onePerPerson(inCell.filter((a) => isQualified(a, rule))),
        required: rule.requiredPerCell,
        firstLine: onePerPerson(inCell.filter((a) => a.firstLineSupport)),
        backups: onePerPerson(inCell.filter((a) => a.backup)),
      };
    }),
  );
}

export const isGap = (cell: { qualified: unknown[]; required: number }): boolean => cell.qualified.length < cell.required;
