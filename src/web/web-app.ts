import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { static as serveStatic } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm run build` (vite) writes the web application; `WEB_DIR` names another folder. */
export function webAssetsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.WEB_DIR || 'web/dist');
}

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * Serves the built web application beside the API: its files as they are (the hashed `assets/` for a year), and
 * `index.html` for every other GET outside `/api`, so the browser's own routes survive a reload. Nothing under
 * `/api` is touched. Without a build (API-only use, most tests) nothing is mounted and the API answers as before.
 */
export function serveWebApp(app: INestApplication, dir = webAssetsDir()): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    Logger.warn(`Chưa có bản dựng giao diện web tại ${dir} (chạy npm run build); chỉ phục vụ API`, 'WebApp');
    return false;
  }
  const files = serveStatic(dir, {
    index: false,
    setHeaders: (response, path) => {
      response.setHeader('Cache-Control', path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) => (isApiPath(request.path) ? next() : files(request, response, next)));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(request.path)) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}
