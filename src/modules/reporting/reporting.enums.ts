import { registerEnumType } from '@nestjs/graphql';

/** The dimensions a status report rates (REPORTING.md "Computed ratings"), in the order they are listed. */
export enum RagDimension {
  SCHEDULE = 'SCHEDULE',
  COST = 'COST',
  SCOPE = 'SCOPE',
  QUALITY = 'QUALITY',
  RISK = 'RISK',
  READINESS = 'READINESS',
}
registerEnumType(RagDimension, { name: 'RagDimension' });

export const RAG_DIMENSIONS: readonly RagDimension[] = Object.values(RagDimension);
