import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchEnv, DEMO_PASSWORD } from './app';

/** The service as it runs in production (dist main.js of the bench build), in a child process of its own. */
export class BenchServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly base: string,
  ) {}

  static async start(databaseUrl: string, port: number): Promise<BenchServer> {
    const main = join(__dirname, '..', '..', 'src', 'main.js');
    const child = spawn(process.execPath, [main], { env: { ...benchEnv(databaseUrl), PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const server = new BenchServer(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 180_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr}`);
      try {
        if ((await fetch(`${server.base}/api/health`)).ok) return server;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`server did not answer within 180 s: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async token(username: string): Promise<string> {
    const response = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  /** Resident set size now and at its peak, in MB (Linux /proc). */
  memory(): { rssMb: number; peakRssMb: number } {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? NaN);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}
