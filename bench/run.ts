import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR, openContext } from './support/app';
import { ENGINE_DATABASES, engineFigure, type EngineFigure } from './engine';
import { growthFigure, type GrowthFigure } from './growth';
import { httpFigure, type HttpFigure } from './http';
import { peerFigures, type PeerFigure } from './peer';
import { renderMarkdown } from './report';

export interface BenchResults {
  machine: Record<string, unknown>;
  engine?: { measuredAt: string; figures: EngineFigure[]; target: string };
  peer?: { measuredAt: string; figures: PeerFigure[]; target: string };
  http?: { measuredAt: string; figures: HttpFigure[]; target: string };
  growth?: { measuredAt: string; figures: GrowthFigure[]; targets: string };
}

const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
const list = (name: string, fallback: string) => (env[name] || fallback).split(',').map((value) => value.trim()).filter(Boolean);

const RESULTS_DIR = join(__dirname, '..', '..', '..', 'bench', 'results');

function machine(): Record<string, unknown> {
  return {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    freeMemoryGbAtStart: Math.round(freemem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 10) / 10),
  };
}

async function main() {
  // BENCH_ONLY=report rewrites latest.md from latest.json without measuring anything.
  const sections = list('BENCH_ONLY', 'engine,peer,http,growth');
  const rounds = number('BENCH_ROUNDS', 3);
  const port = number('BENCH_PORT', 3120);
  mkdirSync(BENCH_DIR, { recursive: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, 'latest.json');
  // A run of some sections keeps the others' figures of the last run (each says when it was measured).
  const results: BenchResults = existsSync(file) && env.BENCH_ONLY ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResults) : ({} as BenchResults);
  results.machine = sections.length === 1 && sections[0] === 'report' && results.machine ? results.machine : machine();
  const save = () => {
    results.machine.loadAverageAtEnd = loadavg().map((value) => Math.round(value * 10) / 10);
    // Another run (e.g. the long 1M growth) may have written its sections meanwhile: keep them, replace only ours.
    const current = existsSync(file) && env.BENCH_ONLY ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResults) : ({} as BenchResults);
    const merged: BenchResults = { ...current, machine: results.machine };
    for (const section of ['engine', 'peer', 'http'] as const) if (sections.includes(section) && results[section]) (merged as unknown as Record<string, unknown>)[section] = results[section];
    if (sections.includes('growth') && results.growth) {
      const mine = results.growth.figures.map((figure) => figure.nominations);
      merged.growth = { ...results.growth, figures: [...(current.growth?.figures ?? []).filter((figure) => !mine.includes(figure.nominations)), ...results.growth.figures].sort((a, b) => a.nominations - b.nominations) };
    }
    writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
    writeFileSync(join(RESULTS_DIR, 'latest.md'), renderMarkdown(merged));
  };
  const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

  if (sections.includes('engine')) {
    const figures: EngineFigure[] = [];
    const drivers = list('BENCH_ENGINE_DRIVERS', 'sqlite3,better-sqlite3,postgres');
    for (const { driver, url } of ENGINE_DATABASES().filter((database) => drivers.includes(database.driver))) {
      log(`engine on ${driver}`);
      figures.push(await engineFigure(driver, url, number('BENCH_ENGINE_EVENTS', 500), rounds));
      log(JSON.stringify(figures.at(-1)));
    }
    results.engine = { measuredAt: new Date().toISOString(), figures, target: 'engine within 2× of the raw-SQL baseline (ratio ≤ 2)' };
    save();
  }
  if (sections.includes('peer')) {
    log('peer: bpmn-engine against XState');
    const app = await openContext(`better-sqlite3:${BENCH_DIR}/peer-catalog.sqlite`);
    try {
      results.peer = { measuredAt: new Date().toISOString(), figures: await peerFigures(app, number('BENCH_PEER_WORKFLOWS', 60), rounds), target: 'at least 10× bpmn-engine (ratio ≥ 10)' };
    } finally {
      await app.close();
    }
    log(JSON.stringify(results.peer.figures));
    save();
  }
  if (sections.includes('http')) {
    const figures: HttpFigure[] = [];
    const drivers = list('BENCH_HTTP_DRIVERS', 'sqlite3,better-sqlite3');
    for (const { driver, url } of ENGINE_DATABASES().filter((database) => drivers.includes(database.driver))) {
      log(`http on ${driver}`);
      const httpUrl = url.replace('engine-', 'http-');
      figures.push(await httpFigure(driver, httpUrl, port, number('BENCH_DURATION', 10), list('BENCH_CONNECTIONS', '16,64').map(Number), number('BENCH_HTTP_POOL', 20_000)));
      log(JSON.stringify(figures.at(-1)!.runs));
    }
    results.http = { measuredAt: new Date().toISOString(), figures, target: 'event endpoint p99 ≤ 20 ms at 64 connections on the embedded database' };
    save();
  }
  if (sections.includes('growth')) {
    const figures: GrowthFigure[] = [];
    const sizes = list('BENCH_SIZES', '10000,100000').map(Number);
    for (const [index, size] of sizes.entries()) {
      log(`growth with ${size} nominations`);
      figures.push(
        await growthFigure(size, list('BENCH_GROWTH_DRIVERS', 'better-sqlite3,sqlite3'), port + 1, {
          listRuns: number('BENCH_LIST_RUNS', 200),
          dashboardRuns: number('BENCH_DASHBOARD_RUNS', 20),
          importRows: index === 0 ? number('BENCH_IMPORT_ROWS', 10_000) : 0,
        }),
      );
      log(JSON.stringify(figures.at(-1)));
      // Only this run's sizes: save() keeps the other sizes of the file as it is then (another run may be writing).
      results.growth = { measuredAt: new Date().toISOString(), figures: [...figures], targets: 'with 1M nominations: tracking query p99 ≤ 10 ms, dashboard ≤ 300 ms' };
      save();
    }
  }
  save();
  log(`results written to ${file} and latest.md`);
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
