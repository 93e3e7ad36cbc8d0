import type { Writable } from 'node:stream';
import type { RequestContext } from '../../../common/context/request-context';
import type { ProjectRole } from '../../auth/auth.enums';
import type { SignedExport } from './export-link';

/** Who asked for the file, as read at download: an administrator, or their roles in the project. */
export interface ExportRequester {
  isAdmin: boolean;
  roles: readonly ProjectRole[];
}

/**
 * One workbook (the plan, a certificate, a schedule): renders a verified, authorised request
 * straight into the HTTP response with exceljs's streaming writer
 * (`new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true })`). Register it in
 * ExportModule's WORKBOOK_RENDERERS; ExportService finds it by `kind`.
 */
export interface WorkbookRenderer {
  readonly kind: string;
  /**
   * Checks at download that go beyond membership (e.g. a draft report's visibility); throw
   * `notFound` to refuse. Optional: membership of the request's project is always checked.
   */
  authorize?(ctx: RequestContext, request: SignedExport, requester: ExportRequester): Promise<void>;
  render(ctx: RequestContext, request: SignedExport, out: Writable): Promise<void>;
}

export const WORKBOOK_RENDERERS = Symbol('WORKBOOK_RENDERERS');

/** The clock the download links are signed and checked with; tests move `now`. */
export interface ExportClock {
  now(): Date;
}

export const EXPORT_CLOCK = Symbol('EXPORT_CLOCK');
