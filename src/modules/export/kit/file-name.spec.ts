import { contentDisposition, exportFileName } from './file-name';

describe('export file names', () => {
  it('joins the parts and replaces what no file system takes', () => {
    expect(exportFileName(['CRM-BELO', 'plan', '2026-03-02'])).toBe('CRM-BELO_plan_2026-03-02.xlsx');
    expect(exportFileName(['A/B:C*?', 'plan'])).toBe('A_B_C___plan.xlsx');
    expect(exportFileName(['CRM-БЕЛО', 'plan'])).toBe('CRM-БЕЛО_plan.xlsx');
  });

  it('says the name as RFC 6266 attachment with an ASCII fallback and an RFC 5987 UTF-8 name', () => {
    expect(contentDisposition('CRM-BELO_plan_2026-03-02.xlsx')).toBe(
      'attachment; filename="CRM-BELO_plan_2026-03-02.xlsx"; filename*=UTF-8\'\'CRM-BELO_plan_2026-03-02.xlsx');
    expect(contentDisposition('CRM-БЕЛО_plan "x".xlsx')).toBe(
      'attachment; filename="CRM-_____plan _x_.xlsx"; filename*=UTF-8\'\'CRM-%D0%91%D0%95%D0%9B%D0%9E_plan%20%22x%22.xlsx');
  });
});
