import { ServiceUnavailableException } from '@nestjs/common';
import { createServer, type Server, type Socket } from 'node:net';
import type { DataSource } from 'typeorm';
import { DatabaseProbe } from './database-probe';
import { HealthController } from './health.controller';

const embedded = (query: () => Promise<unknown>) => new DatabaseProbe(undefined, { query } as unknown as DataSource);

/** Accepts TCP connections and never answers: a database that hangs. */
async function silentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((done) => server.close(() => done()));
    },
  };
}

describe('health check', () => {
  it('answers ok when the database answers', async () => {
    await expect(new HealthController(embedded(async () => [{ '?column?': 1 }])).check()).resolves.toEqual({ status: 'ok', database: 'up' });
  });

  it('answers 503 when the database does not', async () => {
    const failing = new HealthController(embedded(async () => { throw new Error('connection refused'); }));
    await expect(failing.check()).rejects.toBeInstanceOf(ServiceUnavailableException);
    await expect(failing.check()).rejects.toMatchObject({ status: 503 });
  });

  it('lets checks within a second share one probe, so a flood of checks cannot load the database', async () => {
    let queries = 0;
    const health = new HealthController(embedded(async () => { queries++; return [{ '?column?': 1 }]; }));
    await Promise.all(Array.from({ length: 20 }, () => health.check()));
    await health.check();
    expect(queries).toBe(1);
  });

  it('answers 503 within a second when the database never answers, through the pool or on its own connection', async () => {
    const silent = await silentServer();
    const probes = [embedded(() => new Promise(() => undefined)), new DatabaseProbe(silent.url, {} as DataSource)];
    try {
      for (const probe of probes) {
        for (let i = 0; i < 2; i++) {
          const start = Date.now();
          await expect(new HealthController(probe).check()).rejects.toMatchObject({ status: 503 });
          expect(Date.now() - start).toBeLessThan(1000);
        }
      }
    } finally {
      await Promise.all(probes.map((p) => p.onApplicationShutdown()));
      await silent.close();
    }
  });
});
