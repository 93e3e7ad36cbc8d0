import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TemplateWriter } from '../modules/export/kit/template-writer';
import { writePlanTemplate } from '../modules/export/plan/plan-template';
import { writeCertificateTemplate } from '../modules/export/certificate/certificate-template';
import { writeTrainingTemplate } from '../modules/export/training/training-template';
import { writeStatusReportTemplate } from '../modules/export/status-report/status-report-template';

/**
 * Writes the starting templates under templates/excel/ (or the folder given). The .xlsx files are
 * the source afterwards: a client restyles them in Excel; run this only to start a template over.
 * A new workbook adds its line here.
 */
const TEMPLATES: Record<string, [purpose: string, write: (t: TemplateWriter) => void]> = {
  plan: ['project plan', writePlanTemplate],
  certificate: ['acceptance certificate', writeCertificateTemplate],
  training: ['training schedule', writeTrainingTemplate],
  'status-report': ['status report', writeStatusReportTemplate],
};

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? join('templates', 'excel'));
  const only = process.argv.slice(3);
  mkdirSync(dir, { recursive: true });
  for (const [name, [purpose, write]] of Object.entries(TEMPLATES)) {
    if (only.length && !only.includes(name)) continue;
    const writer = new TemplateWriter(purpose);
    write(writer);
    await writer.book.xlsx.writeFile(join(dir, `${name}.xlsx`));
    console.log(`Wrote ${join(dir, `${name}.xlsx`)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
