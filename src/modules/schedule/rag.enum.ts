import { registerEnumType } from '@nestjs/graphql';

/** Red / amber / green, as steering committees read status. */
export enum Rag {
  GREEN = 'GREEN',
  AMBER = 'AMBER',
  RED = 'RED',
}
registerEnumType(Rag, { name: 'Rag' });

const SEVERITY: Record<Rag, number> = { GREEN: 0, AMBER: 1, RED: 2 };

/** The worst of several ratings. */
export const worstRag = (ratings: readonly Rag[]): Rag =>
  ratings.reduce((worst, rag) => (SEVERITY[rag] > SEVERITY[worst] ? rag : worst), Rag.GREEN);
