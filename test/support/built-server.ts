import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { transformFileSync } from '@swc/core';

const ROOT = join(__dirname, '..', '..');
/**
 * The server compiled for the tests that run it as a child process. Not `dist/`: `nest build` empties that folder
 * whenever anyone builds, which would pull the files from under a server being restarted. Each build is kept in a
 * folder named after its sources (`var/test-server-builds/<hash>`) and never changed, so several test files (or
 * helpers) building at once never disturb each other's servers; `BUILD_DIR` is a symbolic link to the latest one.
 * Inside the repository, so the compiled code finds data/ and node_modules/ as dist/ does.
 */
export const BUILD_DIR = join(ROOT, 'var', 'test-server-build');
const BUILDS = join(ROOT, 'var', 'test-server-builds');
const SOURCES = ['src', 'workflows'];
const MARKER = '.built';
const KEEP_BUILDS_MS = 24 * 3600_000;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Compiles src/ and workflows/ with swc (the transform the Jest tiers use: decorators with their metadata, for Nest
 * and TypeORM) unless a build of exactly these sources (paths, sizes, modification times) exists. Answers the path of
 * its `src/main.js`. Type errors are the typecheck's business, not this.
 */
export function ensureServerBuild(): string {
  const files = SOURCES.flatMap((dir) => sourceFiles(join(ROOT, dir))).sort();
  const key = createHash('sha256');
  for (const file of files) {
    const { size, mtimeMs } = statSync(file);
    key.update(`${relative(ROOT, file)}\0${size}\0${mtimeMs}\n`);
  }
  const target = join(BUILDS, key.digest('hex').slice(0, 16));
  if (!existsSync(join(target, MARKER))) build(files, target);
  pointLatestAt(target);
  pruneOldBuilds(target);
  return join(target, 'src', 'main.js');
}

function build(files: string[], target: string): void {
  const staging = `${target}.${process.pid}.${Date.now()}`;
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
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another process built the same sources meanwhile: theirs is as good.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(target, MARKER))) throw error;
  }
}

/** Swaps the `BUILD_DIR` link in one rename (an older real folder there is replaced once). */
function pointLatestAt(target: string): void {
  const current = lstatSync(BUILD_DIR, { throwIfNoEntry: false });
  if (current?.isSymbolicLink() && readlinkSync(BUILD_DIR) === target) return;
  if (current && !current.isSymbolicLink()) rmSync(BUILD_DIR, { recursive: true, force: true });
  const link = `${BUILD_DIR}.${process.pid}.link`;
  rmSync(link, { force: true });
  symlinkSync(target, link, 'dir');
  renameSync(link, BUILD_DIR);
}

function pruneOldBuilds(keep: string): void {
  for (const entry of readdirSync(BUILDS)) {
    const dir = join(BUILDS, entry);
    if (dir === keep) continue;
    const marker = join(dir, MARKER);
    const age = Date.now() - (existsSync(marker) ? statSync(marker) : statSync(dir)).mtimeMs;
    if (age > KEEP_BUILDS_MS) rmSync(dir, { recursive: true, force: true });
  }
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
  // About 2 s of CPU; on a machine shared with other work a start has taken over 30 s.
  const deadline = Date.now() + 120_000;
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
      throw new Error(`the server did not answer within 120 s (see ${logFile})`);
    }
    await sleep(100);
  }
}

/** SIGKILL: no shutdown hook, no flush, no rollback but the database's own. */
export async function killServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  await server.exited;
}
