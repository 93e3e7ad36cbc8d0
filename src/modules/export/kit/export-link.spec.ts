import { EXPORT_LINK_TTL_SECONDS, signExport, verifyExport, type ExportRequest } from './export-link';

const request: ExportRequest = {
  kind: 'plan', projectId: 'd0000000-0000-4000-8000-000000000001', subjectId: 'd0000000-0000-4000-8000-000000000001',
  locale: 'ru', userId: 'a0000000-0000-4000-8000-000000000002', fileName: 'CRM-БЕЛО_plan_2026-03-02.xlsx',
};
const secret = 'a-secret';
const at = new Date('2026-03-02T09:00:00Z');

describe('export links', () => {
  it('gives back the request it was signed for, until it expires 15 minutes later', () => {
    const { token, expiresAt } = signExport(request, secret, at);
    expect(expiresAt.toISOString()).toBe('2026-03-02T09:15:00.000Z');
    expect(verifyExport(token, secret, at)).toMatchObject(request);
    expect(verifyExport(token, secret, new Date(at.getTime() + (EXPORT_LINK_TTL_SECONDS - 1) * 1000))).toMatchObject(request);
    expect(verifyExport(token, secret, new Date(at.getTime() + EXPORT_LINK_TTL_SECONDS * 1000))).toBeNull();
  });

  it('refuses a token signed with another secret, an altered payload or signature, and garbage', () => {
    const { token } = signExport(request, secret, at);
    const [payload, signature] = token.split('.');
    expect(verifyExport(token, 'another-secret', at)).toBeNull();
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), userId: 'b0000000-0000-4000-8000-000000000003' })).toString('base64url');
    expect(verifyExport(`${altered}.${signature}`, secret, at)).toBeNull();
    expect(verifyExport(`${payload}.${signature.slice(0, -2)}AA`, secret, at)).toBeNull();
    for (const bad of ['', '.', 'abc', `${payload}.`, `.${signature}`, `${payload}.${signature}.x`, `${payload}!.${signature}`]) {
      expect(verifyExport(bad, secret, at)).toBeNull();
    }
  });
});
