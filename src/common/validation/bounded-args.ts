import type { PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { badInput } from '../errors/domain-error';
import { validationExceptionFactory } from '../errors/validation-exception.factory';

/**
 * Bounds for scalar resolver arguments, which the global ValidationPipe does not look at (it
 * validates input classes only): `@Args('name', MaxChars('name', 200))`. The refusal names the
 * argument, as class-validator's do for input fields.
 */
export const MaxChars = (field: string, max: number): PipeTransform<unknown> => ({
  transform(value) {
    if (typeof value === 'string' && value.length > max) throw badInput(`${field} must be at most ${max} characters`, field);
    return value;
  },
});

export const MaxItems = (field: string, max: number): PipeTransform<unknown> => ({
  transform(value) {
    if (Array.isArray(value) && value.length > max) throw badInput(`${field} may have at most ${max} items`, field);
    return value;
  },
});

/**
 * Validates a nullable input-object argument, which the global ValidationPipe skips: TypeScript
 * records the type of a parameter `filter: ProjectFilter | null` as Object, so the pipe never
 * learns which class to validate against.
 */
export const ValidateAs = <T extends object>(type: new () => T): PipeTransform<unknown> => ({
  async transform(value) {
    if (value === null || value === undefined) return value;
    const instance = plainToInstance(type, value);
    const errors = await validate(instance, { forbidUnknownValues: false });
    if (errors.length) throw validationExceptionFactory(errors);
    return instance;
  },
});
