import type { BenchResults } from './run';

const cell = (value: unknown) => (value === null || value === undefined || Number.isNaN(value) ? '—' : String(value));
const table = (head: string[], rows: unknown[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n');
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

/** The Markdown summary of bench/results/latest.json (the README's table is taken from it). */
export function renderMarkdown(results: BenchResults): string {
  const m = results.machine;
  const out: string[] = [
    '# Benchmark results',
    '',
    `Machine: ${m.nproc} × ${m.cpu}, ${m.memoryGb} GB, Node.js ${m.node} (${m.platform}); load average at start ${(m.loadAverageAtStart as number[]).join(' / ')}, at end ${((m.loadAverageAtEnd as number[]) ?? []).join(' / ')}.`,
    'Every figure is compared with a baseline measured side by side in the same run (alternating rounds, medians); the ratios matter, the absolute numbers depend on the machine and its load.',
  ];
  if (results.engine) {
    out.push('', `## Engine: committed events per second (${results.engine.measuredAt})`, '', `Target: ${results.engine.target}.`, '');
    out.push(
      table(
        ['driver', 'raw SQL baseline (events/s)', 'engine (events/s)', 'baseline ÷ engine', 'target'],
        results.engine.figures.map((f) => [f.driver, f.baselineEventsPerSecond, f.engineEventsPerSecond, `${f.ratio}×`, verdict(f.ratio <= 2)]),
      ),
    );
  }
  if (results.peer) {
    out.push('', `## The peer: bpmn-engine against ours, Giấy khen draft → awarded (${results.peer.measuredAt})`, '', `Target: ${results.peer.target}.`, '');
    out.push(
      table(
        ['state kept', 'bpmn-engine (steps/s)', 'XState engine (steps/s)', 'ours ÷ bpmn-engine', 'target'],
        results.peer.figures.map((f) => [f.storage === 'database' ? 'JSON row in sqlite (better-sqlite3), read and written every step' : 'in memory (JSON string)', f.bpmnStepsPerSecond, f.xstateStepsPerSecond, `${f.ratio}×`, verdict(f.ratio >= 10)]),
      ),
    );
  }
  if (results.http) {
    out.push('', `## HTTP (${results.http.measuredAt})`, '', `Target: ${results.http.target}. Workload: ${results.http.figures[0]?.workload ?? ''}.`, '');
    out.push(
      table(
        ['driver', 'endpoint', 'connections', 'requests/s', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx', 'errors'],
        results.http.figures.flatMap((f) => f.runs.map((r) => [f.driver, `\`${r.endpoint}\``, r.connections, r.requestsPerSecond, r.p50Ms, r.p99Ms, r.maxMs, r.non2xx, r.errors])),
      ),
    );
    out.push('', table(['driver', 'connections', 'health ÷ events (requests/s)', 'events p99 ÷ health p99', 'p99 target'], results.http.figures.flatMap((f) => f.ratios.map((r) => {
      const run = f.runs.find((x) => x.connections === r.connections && x.endpoint.startsWith('POST'))!;
      return [f.driver, r.connections, `${r.throughputRatio}×`, `${r.p99Ratio}×`, r.connections === 64 ? verdict(run.p99Ms <= 20) : ''];
    }))));
  }
  if (results.growth) {
    out.push('', `## Growth (${results.growth.measuredAt})`, '', `Targets: ${results.growth.targets}.`, '');
    out.push(
      table(
        ['nominations', 'events', 'organizations', 'seed s', 'database MB', 'driver', 'health p50/p99 ms', 'list as unit p50/p99 ms', 'list as commune office p50/p99 ms', 'dashboard commune p50/p99 ms', 'dashboard province p50/p99 ms', 'office list ÷ health (p50)', 'server RSS MB (peak)'],
        results.growth.figures.flatMap((g) =>
          g.drivers.map((d) => [
            g.nominations, g.events, g.organizations, g.seedSeconds, g.databaseMb, d.driver,
            `${d.health.p50} / ${d.health.p99}`, `${d.listAsUnit.p50} / ${d.listAsUnit.p99}`, `${d.listAsCommuneOffice.p50} / ${d.listAsCommuneOffice.p99}`,
            d.dashboardAsCommuneOffice ? `${d.dashboardAsCommuneOffice.p50} / ${d.dashboardAsCommuneOffice.p99}` : 'not built',
            d.dashboardAsProvince ? `${d.dashboardAsProvince.p50} / ${d.dashboardAsProvince.p99}` : 'not built',
            `${Math.round((d.listAsCommuneOffice.p50 / d.health.p50) * 10) / 10}×`,
            `${d.memory.rssMb} (${d.memory.peakRssMb})`,
          ]),
        ),
      ),
    );
    const imported = results.growth.figures.find((g) => g.import)?.import;
    if (imported) {
      out.push('', `XLSX import (\`POST /api/nominations/import\`, ${imported.rows} rows, one unit's list): ${imported.seconds} s (${imported.rowsPerSecond} rows/s), ${imported.accepted} accepted, ${imported.refused} refused, HTTP ${imported.status}; server RSS after ${imported.rssAfterMb} MB.`);
    }
  }
  return `${out.join('\n')}\n`;
}
