import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { transformFileSync } from '@swc/core';

const ROOT = join(__dirname, '..', '..');
/**
 * The server compiled for the tests that run it as a child process. Not `dist/`: `nest build` empties that folder
 * whenever anyone builds, which would pull the files from under a server being restarted. Inside the repository, so
 * the compiled code finds data/ and node_modules/ as dist/ does.
 */
export const BUILD_DIR = join(ROOT, 'var', 'test-server-build');
const SOURCES = ['src', 'workflows'];
const MARKER = '.built';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Compiles src/ and workflows/ with swc (the transform the Jest tiers use: decorators with their metadata, for Nest
 * and TypeORM) unless the build is newer than every source file. Type errors are the typecheck's business, not this.
 */
export function ensureServerBuild(): string {
  const files = SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir)));
  const marker = join(BUILD_DIR, MARKER);
  const newest = Math.max(...files.map((file) => statSync(file).mtimeMs));
  if (existsSync(marker) && statSync(marker).mtimeMs > newest) return join(BUILD_DIR, 'src', 'main.js');
  const staging = `${BUILD_DIR}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const file of files) {
    const out = join(staging, relative(ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    const { code } = transformFileSync(file, {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
      sourceMaps: false,
      swcrc: false,
    });
    writeFileSync(out, code);
  }
  writeFileSync(join(staging, MARKER), new Date().toISOString());
  rmSync(BUILD_DIR, { recursive: true, force: true });
  renameSync(staging, BUILD_DIR);
  return join(BUILD_DIR, 'src', 'main.js');
}

/** The first port from `from` upward that nothing listens on. */
export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((ok) => {
      const server = createServer()
        .once('error', () => ok(false))
        .once('listening', () => server.close(() => ok(true)))
        .listen(port, '127.0.0.1');
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${from}`);
}

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  exited: Promise<number | null>;
}

/** Starts `node <main.js>` with `env`, its output appended to `logFile`; answers once it serves HTTP. */
export async function startServer(main: string, port: number, env: NodeJS.ProcessEnv, logFile: string): Promise<ServerProcess> {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [main], { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} at start (see ${logFile})`);
    try {
      const response = await fetch(`${baseUrl}/api/auth/me`);
      if (response.status === 401) return { child, baseUrl, exited };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer within 30 s (see ${logFile})`);
    }
    await sleep(100);
  }
}

/** SIGKILL: no shutdown hook, no flush, no rollback but the database's own. */
export async function killServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  await server.exited;
}
