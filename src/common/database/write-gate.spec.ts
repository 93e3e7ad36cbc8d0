import { DomainError } from '../errors/domain-error';
import { WriteGate, writerShare } from './write-gate';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Work that runs until released, recording that it started. */
function held(started: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => { release = resolve; });
  return { work: async () => { started.push(name); await done; return name; }, release };
}

describe('the write gate', () => {
  it('leaves a quarter of the pool (at least one connection) to reads, unless there is only one', () => {
    expect([1, 2, 3, 4, 8, 10, 20].map(writerShare)).toEqual([1, 1, 2, 3, 6, 8, 15]);
  });

  it('lets one change of a project run at a time, while other projects go ahead', async () => {
    const gate = new WriteGate(10, 5000);
    const started: string[] = [];
    const a1 = held(started, 'A1');
    const a2 = held(started, 'A2');
    const b1 = held(started, 'B1');
    const runs = [gate.run('A', a1.work), gate.run('A', a2.work), gate.run('B', b1.work)];
    await sleep(20);
    expect(started).toEqual(['A1', 'B1']);
    a1.release();
    await sleep(20);
    expect(started).toEqual(['A1', 'B1', 'A2']);
    a2.release();
    b1.release();
    await expect(Promise.all(runs)).resolves.toEqual(['A1', 'A2', 'B1']);
    expect(gate.busyProjects).toBe(0);
  });

  it('refuses a change that waited past the limit as busy and retryable, without running it', async () => {
    const gate = new WriteGate(10, 50);
    const started: string[] = [];
    const first = held(started, 'first');
    const running = gate.run('A', first.work);
    const refusal = await gate.run('A', async () => { started.push('late'); }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      code: 'TOO_MANY_REQUESTS', message: 'Project A is busy with other changes; try again', details: { retryable: true, retryAfterMs: 1000 },
    });
    first.release();
    await running;
    await sleep(10);
    expect(started).toEqual(['first']);
    expect(gate.busyProjects).toBe(0);
  });

  it('holds at most its share of the pool for changes of any projects, and frees a slot when a change fails', async () => {
    const gate = new WriteGate(4, 5000); // 3 writers
    const started: string[] = [];
    const works = ['P1', 'P2', 'P3', 'P4'].map((p) => held(started, p));
    const runs = works.map((w, i) => gate.run(`P${i + 1}`, w.work));
    await sleep(20);
    expect(started).toEqual(['P1', 'P2', 'P3']);
    const failing = gate.run(null, async () => { throw new Error('refused'); });
    works[0].release();
    await expect(runs[0]).resolves.toBe('P1');
    await sleep(20);
    expect(started).toEqual(['P1', 'P2', 'P3', 'P4']);
    works.slice(1).forEach((w) => w.release());
    await Promise.all(runs);
    await expect(failing).rejects.toThrow('refused');
    await expect(gate.run(null, async () => 'after')).resolves.toBe('after');
  });
});
