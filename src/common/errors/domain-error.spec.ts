import { notFound } from './domain-error';

describe('notFound', () => {
  it('names the id, or says it is empty instead of quoting nothing', () => {
    expect(notFound('Project', 'abc').message).toBe('Project abc was not found');
    expect(notFound('Project', '').message).toBe('Project id is empty; send the id of an existing one');
    expect(notFound('Training session', '   ').message).toBe('Training session id is empty; send the id of an existing one');
    expect(notFound('Project', '').code).toBe('NOT_FOUND');
  });
});
