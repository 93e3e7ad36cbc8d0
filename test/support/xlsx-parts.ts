import { execFileSync } from 'node:child_process';

/**
 * The parts of an .xlsx (a zip) by name, as Python's zipfile reads them: the XML ones as text,
 * any other (media) as its size. For checks below what exceljs and openpyxl show (content types,
 * relationships, the order of a sheet's elements).
 */
export function xlsxParts(file: string): Record<string, string | number> {
  const script = [
    'import json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'out = {}',
    'for i in z.infolist():',
    '    data = z.read(i.filename)',
    "    out[i.filename] = data.decode('utf-8') if i.filename.endswith(('.xml', '.rels', '.vml')) else len(data)",
    'print(json.dumps(out))',
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
}
