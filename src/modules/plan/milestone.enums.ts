import { registerEnumType } from '@nestjs/graphql';

export enum MilestoneSplit {
  FUNCTION = 'FUNCTION',
  TERRITORY = 'TERRITORY',
  FUNCTION_AND_TERRITORY = 'FUNCTION_AND_TERRITORY',
}
registerEnumType(MilestoneSplit, { name: 'MilestoneSplit' });

export enum MilestoneStatus {
  PLANNED = 'PLANNED',
  PREPARING = 'PREPARING',
  LAUNCHED = 'LAUNCHED',
  HYPERCARE = 'HYPERCARE',
  ACCEPTED = 'ACCEPTED',
}
registerEnumType(MilestoneStatus, { name: 'MilestoneStatus' });
