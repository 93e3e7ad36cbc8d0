import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'rolloutPlanner:isPublic';

/** Marks an operation that needs no signed-in user (login, health, token-authorised feeds). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
