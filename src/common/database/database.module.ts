import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { buildDataSourceOptions, buildEmbeddedDataSourceOptions, EMBEDDED_CONNECTIONS, type ConnectionTimeouts } from './data-source-options';
import { WriteGate } from './write-gate';
import { EmbeddedPostgres, embeddedDataFolder } from './embedded-postgres';

const EMBEDDED = Symbol('EMBEDDED_POSTGRES');

/** The pool's size: DATABASE_POOL_SIZE on a server; the embedded database has one connection. */
const poolSizeFor = (config: AppConfig): number => (config.databaseUrl ? config.databasePoolSize : EMBEDDED_CONNECTIONS);

/** A PostgreSQL server's limits; the embedded database runs in this process and keeps its defaults. */
const serverTimeouts = (config: AppConfig): ConnectionTimeouts => ({
  connectTimeoutMs: config.databaseConnectTimeoutMs,
  statementTimeoutMs: config.databaseStatementTimeoutMs,
  lockTimeoutMs: config.databaseLockTimeoutMs,
});

/**
 * Owns the connection: a real server when DATABASE_URL is set, else the embedded PostgreSQL in
 * DATA_DIR. Migrations run at start; the pool closes before the embedded database stops.
 */
@Global()
@Module({
  providers: [
    {
      provide: EMBEDDED,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<EmbeddedPostgres | null> =>
        config.databaseUrl ? null : EmbeddedPostgres.start(embeddedDataFolder(config.dataDir)),
    },
    {
      provide: DataSource,
      inject: [APP_CONFIG, EMBEDDED],
      useFactory: async (config: AppConfig, embedded: EmbeddedPostgres | null): Promise<DataSource> => {
        // Embedded: one connection whatever the pool size (see EMBEDDED_CONNECTIONS).
        const dataSource = new DataSource(embedded
          ? buildEmbeddedDataSourceOptions(embedded.url)
          : buildDataSourceOptions(config.databaseUrl!, poolSizeFor(config), serverTimeouts(config)));
        await dataSource.initialize();
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        if (applied.length) new Logger('Database').log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
        return dataSource;
      },
    },
    {
      provide: WriteGate,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new WriteGate(poolSizeFor(config), config.databaseLockTimeoutMs),
    },
  ],
  exports: [DataSource, WriteGate],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EMBEDDED) private readonly embedded: EmbeddedPostgres | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.embedded?.stop();
  }
}
