import ExcelJS from 'exceljs';
import { isFormulaLike, safeText, setText } from './safe-cell';

describe('safe cells', () => {
  it('keeps text that looks like a formula as a string value, never a formula', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('S');
    const texts = ['=HYPERLINK("http://evil","click")', '+1+2', '-3', '@SUM(A1)', '\t=1', '\r=1', 'plain'];
    texts.forEach((text, i) => setText(sheet.getCell(1, i + 1), text));
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await book.xlsx.writeBuffer());
    texts.forEach((text, i) => {
      const cell = read.getWorksheet('S')!.getCell(1, i + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text.replace('\r', '\n'));
    });
    expect(texts.filter(isFormulaLike)).toHaveLength(6);
  });

  it('replaces control characters XML cannot hold', () => {
    expect(safeText('a\u0001b\u000Bc\nd\r\ne\rf')).toBe('a b c\nd\ne\nf');
  });
});
