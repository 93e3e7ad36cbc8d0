import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a download URL stands for: which workbook, of what, in which language, for whom, until
 * when. The workbook is rendered when the URL is fetched (nothing is stored between the mutation
 * and the download), so the request itself travels in the URL, signed.
 */
export interface ExportRequest {
  /** The workbook: `plan`, and the kinds other builders register. */
  kind: string;
  /** The project whose members may download it (checked again at download). */
  projectId: string;
  /** What is exported (the project, a stage, a report); the builder reads it. */
  subjectId: string;
  locale: string;
  /** Who asked: the URL works for them alone, while they may still read the project. */
  userId: string;
  fileName: string;
}

export interface SignedExport extends ExportRequest {
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** Fifteen minutes (EXPORTS.md). */
export const EXPORT_LINK_TTL_SECONDS = 15 * 60;

/**
 * A token `<payload>.<signature>`, both base64url: the payload is the request as JSON, the
 * signature an HMAC-SHA256 with a key derived from the server's secret for this purpose only (a
 * download token never passes for a sign-in token, nor the other way round).
 */
export function signExport(request: ExportRequest, secret: string, now: Date): { token: string; expiresAt: Date } {
  const exp = Math.floor(now.getTime() / 1000) + EXPORT_LINK_TTL_SECONDS;
  const payload = Buffer.from(JSON.stringify({ ...request, exp } satisfies SignedExport)).toString('base64url');
  return { token: `${payload}.${mac(payload, secret)}`, expiresAt: new Date(exp * 1000) };
}

/** The request a token stands for; null when it is forged, altered, malformed or expired. */
export function verifyExport(token: string, secret: string, now: Date): SignedExport | null {
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]) || !/^[A-Za-z0-9_-]+$/.test(parts[1])) return null;
  const [payload, signature] = parts;
  const expected = Buffer.from(mac(payload, secret), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: SignedExport;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SignedExport;
  } catch {
    return null;
  }
  if (typeof claims !== 'object' || claims === null || typeof claims.exp !== 'number') return null;
  for (const key of ['kind', 'projectId', 'subjectId', 'locale', 'userId', 'fileName'] as const) {
    if (typeof claims[key] !== 'string') return null;
  }
  return now.getTime() < claims.exp * 1000 ? claims : null;
}

function mac(payload: string, secret: string): string {
  const key = createHmac('sha256', secret).update('file-export').digest();
  return createHmac('sha256', key).update(payload).digest('base64url');
}
