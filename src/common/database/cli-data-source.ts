import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

/** For the TypeORM CLI (migration:generate / migration:run) against DATABASE_URL. */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to the database the migration commands should use');

export default new DataSource(buildDataSourceOptions(url, 2));
