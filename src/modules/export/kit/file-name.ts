/**
 * A download's file name from its parts, e.g. `CRM-BELO_plan_2026-03-02.xlsx`. Characters no
 * file system takes (`/ \ : * ? " < > |`, control characters) become `_`; letters of any script
 * stay (a Cyrillic project code gives a Cyrillic name).
 */
export function exportFileName(parts: string[], extension = 'xlsx'): string {
  // eslint-disable-next-line no-control-regex
  const clean = parts.map((p) => p.trim().replace(/[/\\:*?"<>|\u0000-\u001F\u007F]/g, '_').replace(/\s+/g, ' ')).filter(Boolean);
  return `${clean.join('_')}.${extension}`;
}

/**
 * `Content-Disposition: attachment` per RFC 6266 with the name twice: an ASCII `filename` for old
 * clients (other characters as `_`) and `filename*` in UTF-8 per RFC 5987, which every current
 * browser and `curl -J` prefer, so non-ASCII names survive.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
