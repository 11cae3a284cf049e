import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '../../workflows';
import type { Principal } from './principal';

export const IS_PUBLIC = 'isPublic';
/** No token needed (login, API docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const REQUIRED_ROLES = 'requiredRoles';
/**
 * Only a caller holding one of these roles (at any organization; `admin` is the system administrator) reaches the
 * handler; others are answered 403 by the AuthGuard before the body is read. Where the organization matters the
 * handler still checks it. Read by the authorization matrix test, which derives its expectations from it.
 */
export const RequireRoles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().principal,
);
