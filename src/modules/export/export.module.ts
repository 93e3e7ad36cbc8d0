import { Module } from '@nestjs/common';
import { ExceptionsModule } from '../reporting/exceptions/exceptions.module';
import { ReportingModule } from '../reporting/reporting.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { ExportController } from './export.controller';
import { ExportResolver } from './export.resolver';
import { ExportService } from './export.service';
import { PlanDataLoader } from './plan/plan-data';
import { PlanWorkbook } from './plan/plan-workbook';
import { CertificateDataLoader } from './certificate/certificate-data';
import { CertificateWorkbook } from './certificate/certificate-workbook';
import { TrainingDataLoader } from './training/training-data';
import { TrainingWorkbook } from './training/training-workbook';
import { StatusReportWorkbook } from './status-report/status-report-renderer';
import { EXPORT_CLOCK, WORKBOOK_RENDERERS, type ExportClock, type WorkbookRenderer } from './kit/workbook-renderer';

/**
 * Excel exports (EXPORTS.md; the kit is described in kit/README.md). On top of the domain
 * modules: it reads them, nothing imports it. A workbook is a renderer (one file) listed in
 * WORKBOOK_RENDERERS, an ExportService-style method issuing its link, and a resolver field.
 */
@Module({
  imports: [ScheduleModule, ReportingModule, ExceptionsModule],
  controllers: [ExportController],
  providers: [
    ExportService,
    ExportResolver,
    PlanDataLoader,
    PlanWorkbook,
    CertificateDataLoader,
    CertificateWorkbook,
    TrainingDataLoader,
    TrainingWorkbook,
    StatusReportWorkbook,
    { provide: EXPORT_CLOCK, useValue: { now: () => new Date() } satisfies ExportClock },
    // Each workbook's renderer: add yours to `inject`.
    { provide: WORKBOOK_RENDERERS, inject: [PlanWorkbook, CertificateWorkbook, TrainingWorkbook, StatusReportWorkbook], useFactory: (...renderers: WorkbookRenderer[]) => renderers },
  ],
})
export class ExportModule {}
