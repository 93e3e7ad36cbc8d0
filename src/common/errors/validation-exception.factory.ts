import type { ValidationError } from 'class-validator';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator failures become BAD_USER_INPUT naming each field and what is wrong with it. */
export function validationExceptionFactory(errors: ValidationError[]): DomainError {
  const problems = flatten(errors);
  return new DomainError(ErrorCode.BAD_USER_INPUT, problems.map((p) => p.message).join('; '), {
    field: problems[0]?.field,
    fields: problems.map((p) => p.field),
  });
}
