import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertDataFolderFree, DataFolderInUseError, LOCK_FILE, lockDataFolder } from './data-folder-lock';

describe('the embedded database folder lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rollout-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const lockFile = () => join(dir, LOCK_FILE);
  const inUseBy = (pid: number) =>
    `The embedded database in ${dir} is in use by process ${pid}; stop it first or point DATABASE_URL at a server`;

  it('holds the folder with this process id; a second open is refused until the first releases it', () => {
    const release = lockDataFolder(dir);
    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));
    expect(() => lockDataFolder(dir)).toThrow(DataFolderInUseError);
    expect(() => lockDataFolder(dir)).toThrow(inUseBy(process.pid));
    expect(() => assertDataFolderFree(dir)).toThrow(inUseBy(process.pid));
    release();
    expect(existsSync(lockFile())).toBe(false);
    expect(() => assertDataFolderFree(dir)).not.toThrow();
    lockDataFolder(dir)();
  });

  it('refuses a folder another live process holds, and takes it over once that process is gone', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const pid = other.pid!;
    try {
      writeFileSync(lockFile(), `${pid}\n`);
      expect(() => lockDataFolder(dir)).toThrow(inUseBy(pid));
      expect(() => assertDataFolderFree(dir)).toThrow(inUseBy(pid));
      expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(pid));
    } finally {
      const exited = new Promise((done) => other.once('exit', done));
      other.kill('SIGKILL');
      await exited;
    }
    // A lock left by a process that died (a crash, a kill -9) is stale.
    assertDataFolderFree(dir);
    const release = lockDataFolder(dir);
    expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));
    release();
  });

  it('takes over a lock left with its own process id by an earlier process (pid reused after a restart), or unreadable', () => {
    writeFileSync(lockFile(), `${process.pid}\n`);
    lockDataFolder(dir)();
    writeFileSync(lockFile(), '');
    lockDataFolder(dir)();
  });
});
