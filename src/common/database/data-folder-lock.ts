import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StartupError } from '../config/startup-error';

/** The lock file inside an embedded database's data folder; it holds the owner's process id. */
export const LOCK_FILE = 'rollout.lock';

export class DataFolderInUseError extends StartupError {
  override readonly name = 'DataFolderInUseError';
}

/** Folders this process holds, so that a lock left with our own pid (pid reuse after a crash) counts as stale. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process holding the folder, or null when it is free or its holder is gone. */
function liveHolder(dir: string): number | null {
  let text: string;
  try {
    text = readFileSync(join(dir, LOCK_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid < 1) return null;
  if (pid === process.pid) return heldHere.has(dir) ? pid : null;
  return isAlive(pid) ? pid : null;
}

function inUse(dir: string, pid: number): DataFolderInUseError {
  return new DataFolderInUseError(
    `The embedded database in ${dir} is in use by process ${pid}; stop it first or point DATABASE_URL at a server ` +
    `(if process ${pid} is not this service, delete ${join(dir, LOCK_FILE)})`,
  );
}

/** Refuses early, before anything is started, when another live process holds the folder. */
export function assertDataFolderFree(dataDir: string): void {
  const dir = resolve(dataDir);
  const pid = liveHolder(dir);
  if (pid !== null) throw inUse(dir, pid);
}

/**
 * Takes the folder for this process: two processes on one PGlite folder overwrite each other's
 * writes. The lock file appears atomically with its content (written aside, then hard-linked
 * into place, which fails if one exists); a lock whose process has died is taken over.
 * Returns the release function.
 */
export function lockDataFolder(dataDir: string): () => void {
  const dir = resolve(dataDir);
  const file = join(dir, LOCK_FILE);
  const draft = join(dir, `${LOCK_FILE}.${process.pid}.${Date.now()}`);
  writeFileSync(draft, `${process.pid}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(draft, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const pid = liveHolder(dir);
        if (pid !== null || attempt > 0) throw inUse(dir, pid ?? Number(readFileSync(file, 'utf8').trim()));
        try {
          unlinkSync(file); // stale: its process is gone
        } catch (gone) {
          if ((gone as NodeJS.ErrnoException).code !== 'ENOENT') throw gone;
        }
      }
    }
  } finally {
    unlinkSync(draft);
  }
  heldHere.add(dir);
  return () => {
    heldHere.delete(dir);
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
    } catch {
      // already gone
    }
  };
}
