import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_ROLES } from '../../src/identity/auth.decorators';
import type { Role } from '../../workflows';

/** One endpoint the running application registers, with what its decorators declare about who may call it. */
export interface RegisteredRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express syntax, prefix included: `/api/nominations/:id/events`. */
  path: string;
  params: string[];
  controller: string;
  handler: string;
  /** `@Public()`: answered without a token. */
  isPublic: boolean;
  /** `@RequireRoles(...)`: only these roles may get past the guard (empty: the handler decides). */
  requiredRoles: Role[];
}

const METHODS: Partial<Record<RequestMethod, RegisteredRoute['method']>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
};

const join = (...parts: string[]) => `/${parts.flatMap((part) => part.split('/')).filter(Boolean).join('/')}`;

/**
 * Every route of every controller of the application, read from Nest's own routing metadata (the same the router
 * explorer uses), and checked against the routes Express actually has: a route missing from one or the other fails.
 */
export function registeredRoutes(app: INestApplication, prefix = 'api'): RegisteredRoute[] {
  const reflector = app.get(Reflector);
  const routes: RegisteredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const basePaths = [Reflect.getMetadata(PATH_METADATA, controller) ?? ''].flat() as string[];
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        if (paths === undefined || !method) continue;
        const isPublic = !!reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller]);
        const requiredRoles = reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [handler, controller]) ?? [];
        for (const base of basePaths) {
          for (const path of [paths].flat()) {
            const full = join(prefix, base, path);
            routes.push({ method, path: full, params: [...full.matchAll(/:(\w+)/g)].map((match) => match[1]), controller: controller.name, handler: name, isPublic, requiredRoles });
          }
        }
      }
    }
  }
  assertExpressHasThem(app, routes);
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function assertExpressHasThem(app: INestApplication, routes: RegisteredRoute[]): void {
  const instance = app.getHttpAdapter().getInstance() as { router?: { stack: unknown[] }; _router?: { stack: unknown[] } };
  const stack = (instance.router ?? instance._router)?.stack ?? [];
  const registered = new Set(
    (stack as Array<{ route?: { path: string; methods: Record<string, boolean> } }>)
      .filter((layer) => layer.route)
      .flatMap((layer) => Object.keys(layer.route!.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path}`)),
  );
  const missing = routes.map((route) => `${route.method} ${route.path}`).filter((key) => !registered.has(key));
  if (missing.length) throw new Error(`routes declared but not registered in Express: ${missing.join(', ')}`);
  const known = new Set(routes.map((route) => `${route.method} ${route.path}`));
  const undeclared = [...registered].filter((key) => key.includes(' /api') && !key.startsWith('HEAD ') && !key.includes('/api/docs') && !known.has(key));
  if (undeclared.length) throw new Error(`routes registered in Express without a controller: ${undeclared.join(', ')}`);
}

/** The path with each `:param` replaced by `valueOf(param)`, URL-encoded (a lone surrogate as the invalid UTF-8 it becomes). */
export function fillPath(route: Pick<RegisteredRoute, 'path'>, valueOf: (param: string, index: number) => string): string {
  let index = 0;
  return route.path.replace(/:(\w+)/g, (_, param: string) => {
    const value = valueOf(param, index++);
    try {
      return encodeURIComponent(value);
    } catch {
      return '%ED%A0%80';
    }
  });
}
