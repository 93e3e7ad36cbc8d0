import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { ExportService } from './export.service';
import { contentDisposition, XLSX_CONTENT_TYPE } from './kit/file-name';

/** Downloads: the signed token in the URL is the credential (a link opened from a mail or a browser carries no header). */
@Controller('exports')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Public()
  @Get(':token')
  async download(@Param('token') token: string, @Res() response: Response): Promise<void> {
    try {
      await this.exports.download(token, (request) => {
        // Only now: a refused link answers with the error filter's JSON, not an empty workbook.
        response.status(200);
        response.setHeader('content-type', XLSX_CONTENT_TYPE);
        response.setHeader('content-disposition', contentDisposition(request.fileName));
        response.setHeader('cache-control', 'private, no-store');
        return response;
      });
    } catch (error) {
      // Failing after the first bytes: cut the connection so the client sees a broken download, not a short file.
      if (response.headersSent) response.destroy(error as Error);
      else throw error;
    }
  }
}
