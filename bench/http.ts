import { DataSource } from 'typeorm';
import { freshDatabase, openContext } from './support/app';
import { round } from './support/measure';
import { BenchServer } from './support/server';
import { insertNominations, NominationFactory } from './support/synthesize';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface HttpRun {
  endpoint: string;
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface HttpFigure {
  driver: string;
  databaseUrl: string;
  workload: string;
  runs: HttpRun[];
  /** Per connection count: health ÷ events in requests per second, and events p99 ÷ health p99. */
  ratios: Array<{ connections: number; throughputRatio: number; p99Ratio: number }>;
}

function summary(endpoint: string, connections: number, durationSeconds: number, result: AutocannonResult): HttpRun {
  return {
    endpoint,
    connections,
    durationSeconds,
    requestsPerSecond: round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * `POST /api/nominations/:id/events` under autocannon on loopback, each request a real state-changing step: the
 * commune appraisal office's ACCEPT of the next received Giấy khen of a pool seeded beforehand (never the same
 * nomination twice, so every request commits a step), against `GET /api/health` (one row read) of the same server.
 */
export async function httpFigure(driver: string, url: string, port: number, durationSeconds: number, connectionCounts: number[], poolSize: number): Promise<HttpFigure> {
  await freshDatabase(url);
  const app = await openContext(url);
  const factory = await NominationFactory.create(app);
  const start = new Date('2026-11-02T02:00:00.000Z');
  const path = factory.path(start, 1);
  const pool = Array.from({ length: poolSize }, (_, i) =>
    factory.build(1, { organizationId: factory.unitIds[i % factory.unitIds.length], communeId: factory.communeId, nomineeName: `Cá nhân số ${i + 1}`, createdAt: start, chained: true, path }),
  );
  await insertNominations(app.get(DataSource), pool);
  await app.close();
  const ids = pool.map((n) => n.row.id as string);
  let next = 0;

  const server = await BenchServer.start(url, port);
  try {
    const token = await server.token('vhxh.binhlu');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const runs: HttpRun[] = [];
    // Warm-up: a second of each, not recorded.
    await autocannon({ url: `${server.base}/api/health`, connections: 4, duration: 1 });
    const events = (connections: number, duration: number) =>
      autocannon({
        url: server.base,
        connections,
        duration,
        method: 'POST',
        headers,
        requests: [
          {
            method: 'POST',
            setupRequest: (request: Record<string, unknown>) => {
              if (next >= ids.length) throw new Error('the pool of received nominations ran out; raise BENCH_HTTP_POOL');
              return { ...request, path: `/api/nominations/${ids[next++]}/events`, body: JSON.stringify({ type: 'ACCEPT' }) };
            },
          },
        ],
      });
    await events(4, 1);
    for (const connections of connectionCounts) {
      runs.push(summary('GET /api/health', connections, durationSeconds, await autocannon({ url: `${server.base}/api/health`, connections, duration: durationSeconds })));
      runs.push(summary('POST /api/nominations/:id/events', connections, durationSeconds, await events(connections, durationSeconds)));
    }
    const ratios = connectionCounts.map((connections) => {
      const health = runs.find((run) => run.connections === connections && run.endpoint.startsWith('GET'))!;
      const step = runs.find((run) => run.connections === connections && run.endpoint.startsWith('POST'))!;
      return { connections, throughputRatio: round(health.requestsPerSecond / step.requestsPerSecond, 1), p99Ratio: round(step.p99Ms / Math.max(1, health.p99Ms), 1) };
    });
    return { driver, databaseUrl: url, workload: 'ACCEPT of a received Giấy khen (commune.received → commune.appraisal), a fresh nomination per request', runs, ratios };
  } finally {
    await server.stop();
  }
}
