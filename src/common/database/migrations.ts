import { Initial1795356247105 } from '../../migrations/1795356247105-Initial';
import { AppendOnlyRecords1795356300000 } from '../../migrations/1795356300000-AppendOnlyRecords';

/** Every migration, in order. `npm run migration:generate` writes new ones to src/migrations. */
export const MIGRATIONS: Function[] = [Initial1795356247105, AppendOnlyRecords1795356300000];
