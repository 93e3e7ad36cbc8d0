import { Matches } from 'class-validator';

/** Non-empty after trimming: a name of spaces is as missing as an empty one. */
export const IsNotBlank = (field: string): PropertyDecorator => Matches(/\S/, { message: `${field} must not be empty` });
