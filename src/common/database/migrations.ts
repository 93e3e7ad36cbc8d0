import { Initial1795356247105 } from '../../migrations/1795356247105-Initial';
import { AppendOnlyRecords1795356300000 } from '../../migrations/1795356300000-AppendOnlyRecords';
import { LoginThrottling1795357479386 } from '../../migrations/1795357479386-LoginThrottling';
import { AcceptanceRecordOrder1795395334688 } from '../../migrations/1795395334688-AcceptanceRecordOrder';
import { CriterionRecordKept1795949521967 } from '../../migrations/1795949521967-CriterionRecordKept';
import { MilestoneHypercareFromTask1795950600000 } from '../../migrations/1795950600000-MilestoneHypercareFromTask';
import { ConfirmersFromTheClient1795960000000 } from '../../migrations/1795960000000-ConfirmersFromTheClient';
import { PlanEditing1796000000000 } from '../../migrations/1796000000000-PlanEditing';
import { PlanVersion1796100000000 } from '../../migrations/1796100000000-PlanVersion';
import { RegistersAndTolerances1796200000000 } from '../../migrations/1796200000000-RegistersAndTolerances';
import { Progress1796300000000 } from '../../migrations/1796300000000-Progress';
import { StatusReports1796400000000 } from '../../migrations/1796400000000-StatusReports';
import { Steering1796600000000 } from '../../migrations/1796600000000-Steering';
import { Exceptions1796900000000 } from '../../migrations/1796900000000-Exceptions';
import { MeetingReports1797200000000 } from '../../migrations/1797200000000-MeetingReports';

/** Every migration, in order. `npm run migration:generate -- src/migrations/Name` writes new ones. */
export const MIGRATIONS: Function[] = [
  Initial1795356247105,
  AppendOnlyRecords1795356300000,
  LoginThrottling1795357479386,
  AcceptanceRecordOrder1795395334688,
  CriterionRecordKept1795949521967,
  MilestoneHypercareFromTask1795950600000,
  ConfirmersFromTheClient1795960000000,
  PlanEditing1796000000000,
  PlanVersion1796100000000,
  RegistersAndTolerances1796200000000,
  Progress1796300000000,
  StatusReports1796400000000,
  Steering1796600000000,
  Exceptions1796900000000,
  MeetingReports1797200000000,
];
