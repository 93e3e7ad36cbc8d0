import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../common/config/app-config';
import { AdminBootstrap } from './admin-bootstrap';
import type { UserService } from './user.service';

/** A first start on an empty database with this ADMIN_PASSWORD; returns the passwords it created users with. */
async function firstStart(adminPassword: string): Promise<string[]> {
  const created: string[] = [];
  const manager = { exists: async () => false };
  const dataSource = { manager, transaction: async (work: (m: unknown) => Promise<unknown>) => work(manager) };
  const users = { insertUser: async (_ctx: unknown, input: { password: string }) => created.push(input.password) };
  const config = { adminEmail: 'admin@example.test', adminPassword } as AppConfig;
  await new AdminBootstrap(config, dataSource as unknown as DataSource, users as unknown as UserService).onApplicationBootstrap();
  return created;
}

describe('the first administrator', () => {
  it('is created with a password of 8 to 200 characters', async () => {
    expect(await firstStart('12345678')).toEqual(['12345678']);
    expect(await firstStart('p'.repeat(200))).toEqual(['p'.repeat(200)]);
  });

  it('refuses to start with a shorter or longer ADMIN_PASSWORD, saying why', async () => {
    await expect(firstStart('1234567')).rejects.toThrow('ADMIN_PASSWORD must be 8 to 200 characters long (it has 7); the administrator was not created');
    await expect(firstStart('p'.repeat(201))).rejects.toThrow('ADMIN_PASSWORD must be 8 to 200 characters long (it has 201)');
  });
});
