import { registerEnumType } from '@nestjs/graphql';

export enum DependencyType {
  FS = 'FS',
  SS = 'SS',
  FF = 'FF',
  SF = 'SF',
}
registerEnumType(DependencyType, { name: 'DependencyType' });

/** The part a task plays in its milestone; the LAUNCH task's finish is the go-live date. */
export enum MilestonePhase {
  PREPARE = 'PREPARE',
  LAUNCH = 'LAUNCH',
  HYPERCARE = 'HYPERCARE',
}
