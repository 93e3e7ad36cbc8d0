/** Every migration, in order. `npm run migration:generate` writes new ones to src/migrations. */
export const MIGRATIONS: Function[] = [];
