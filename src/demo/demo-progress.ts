/**
 * The share of a task done after `done` of its `duration` working days, as a person reports it (a
 * multiple of 5 where one fits): rounded up, so that the remaining work REPORTING.md derives from
 * it, max(1, ⌈d × (100 − %) / 100⌉), is exactly the working days left and the forecast keeps to
 * the plan. For 0 < done < duration.
 */
export function shareDone(done: number, duration: number): number {
  const exact = (100 * done) / duration;
  const reported = Math.ceil(exact / 5) * 5;
  return reported < 100 && Math.ceil((duration * (100 - reported)) / 100) === duration - done ? reported : Math.ceil(exact);
}
