import { RequestContext } from '../../src/common/context/request-context';
import { Rag } from '../../src/modules/reporting/rag.enum';
import { RagDimension } from '../../src/modules/reporting/reporting.enums';
import { StatusReport } from '../../src/modules/reporting/entities/status-report.entity';
import { ExceptionsService } from '../../src/modules/steering/exceptions/exceptions.service';
import type { TestApp, TestUser } from './test-app';

export interface RedRating {
  dimension: RagDimension;
  basis: string;
}

export const SCHEDULE_RED: RedRating = { dimension: RagDimension.SCHEDULE, basis: 'forecast 2026-09-14 is 14 working days after baseline 2026-08-25; tolerance 10' };
export const COST_RED: RedRating = { dimension: RagDimension.COST, basis: 'forecast at completion 1200000.00 RUB is 20.00 % over budget 1000000.00 RUB; tolerance 10 %' };

let period = 0;

/**
 * Publishes a status report of the project whose computed ratings are RED in the given
 * dimensions (GREEN elsewhere), raising its exceptions, and returns the report's id. Each call
 * takes the next two-week period from March 2026, so reports of one project never overlap.
 *
 * Replaced by publishStatusReport once it lands (issue 14, branch `reports`): for now the report
 * row is inserted through the entity repository and ExceptionsService is called from the app's
 * container in one transaction, as publishStatusReport will do.
 */
export async function publishRedReport(t: TestApp, projectId: string, publisher: TestUser, red: readonly RedRating[] = [SCHEDULE_RED]): Promise<string> {
  const n = period++;
  const start = new Date(Date.UTC(2026, 2, 2 + 14 * n));
  const end = new Date(start.getTime() + 11 * 86_400_000);
  const ratings = Object.values(RagDimension).map((dimension) => {
    const redOne = red.find((r) => r.dimension === dimension);
    return { dimension, computed: redOne ? Rag.RED : Rag.GREEN, rating: redOne ? Rag.RED : Rag.GREEN, overrideReason: null, basis: redOne?.basis ?? 'within tolerance' };
  });
  const ctx = new RequestContext(t.dataSource, { id: publisher.id, email: publisher.email, isAdmin: false });
  return ctx.inTransaction(async () => {
    const report = await ctx.manager.save(ctx.manager.create(StatusReport, {
      projectId, periodStart: start.toISOString().slice(0, 10), periodEnd: end.toISOString().slice(0, 10),
      summary: 'Behind plan', decisionsRequested: [], ratingOverrides: [], snapshot: { ratings },
      publishedAt: new Date(), publishedById: publisher.id, createdById: publisher.id,
    }));
    await t.app.get(ExceptionsService).raiseExceptionsForPublishedReport(ctx, report, ratings);
    return report.id;
  });
}
