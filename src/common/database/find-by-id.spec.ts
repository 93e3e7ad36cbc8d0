import type { RequestContext } from '../context/request-context';
import { DomainError } from '../errors/domain-error';
import { findByIdOrFail } from './find-by-id';

describe('findByIdOrFail', () => {
  it('answers a malformed id with NOT_FOUND quoting at most 100 of its characters, without asking the database', async () => {
    const error = await findByIdOrFail({} as RequestContext, 'Task', 'x'.repeat(5000), 'Task').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: `Task ${'x'.repeat(100)}… was not found` });
  });
});
