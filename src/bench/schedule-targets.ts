/** Targets of issue 13: the engine within 2× the floor, and twice the tasks in at most 2.2× the time. */
export const SCHEDULE_TARGETS = { ratio: 2, scaling: 2.2 } as const;

/**
 * The scaling allowed at a size: the 2.2× is linear growth (2×) with a tenth to spare, so
 * the allowance is the same tenth over the floor's own scaling in the same rounds, and never less
 * than 2.2×. Past about 5,000 tasks the plan outgrows the processor's caches (1 MB of L2 per core
 * here), and then the floor — a linear pass that cannot do less — also takes 2.1–2.35× the time for
 * twice the tasks; judged against 2.2× or the floor's scaling with nothing to spare, an engine that
 * stayed within 1.1–1.3× of the floor at every size still missed one run in three.
 */
export const scalingAllowed = (floorScaling: number | null): number =>
  // Up to the next hundredth (as printed), less a hair: 2.2 * 100 is 220.00000000000003 in floating point.
  Math.ceil(Math.max(SCHEDULE_TARGETS.scaling, (floorScaling ?? 0) * (SCHEDULE_TARGETS.scaling / 2)) * 100 - 1e-9) / 100;
