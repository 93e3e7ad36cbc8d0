import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A stand-in for dist/main.js: listens, reports its pid and port, and closes on SIGTERM as the app's shutdown hooks do. */
const FAKE_MAIN = `
const server = require('node:http').createServer((_, res) => res.end('ok'));
server.listen(0, '127.0.0.1', () => console.log('READY ' + process.pid + ' ' + server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const portOpen = (port: number) => new Promise<boolean>((done) => {
  const socket = connect(port, '127.0.0.1');
  socket.once('connect', () => { socket.destroy(); done(true); });
  socket.once('error', () => done(false));
});

/**
 * `npm start` runs the project's start script through `sh -c`; the app must be the process npm
 * signals (the script execs node), so that SIGTERM to npm stops it instead of orphaning it.
 */
describe('npm start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rollout-npm-start-'));
  let appPid: number | undefined;

  afterAll(() => {
    if (appPid && isAlive(appPid)) process.kill(appPid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes SIGTERM on to the application, which stops and frees its port', async () => {
    const { scripts } = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toContain('dist/main.js');
    // The project's start script as it is, without the build (prestart) it runs first.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'start-probe', private: true, scripts: { start: scripts.start } }));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'main.js'), FAKE_MAIN);

    const npm = spawn('npm', ['start', '--silent'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    const npmExited = new Promise<void>((done) => npm.once('exit', () => done()));
    const ready = await new Promise<{ pid: number; port: number }>((done, fail) => {
      let out = '';
      npm.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /READY (\d+) (\d+)/.exec(out);
        if (match) done({ pid: Number(match[1]), port: Number(match[2]) });
      });
      npm.once('exit', () => fail(new Error(`npm start ended before the app was ready: ${out}`)));
    });
    appPid = ready.pid;
    expect(await portOpen(ready.port)).toBe(true);

    npm.kill('SIGTERM');
    await npmExited;
    for (let i = 0; i < 50 && isAlive(ready.pid); i++) await new Promise((done) => setTimeout(done, 100));
    expect(isAlive(ready.pid)).toBe(false);
    expect(await portOpen(ready.port)).toBe(false);
  }, 60_000);
});
