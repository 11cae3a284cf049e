import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NOMINATION_COLUMNS, type NominationColumnKey } from '../workflows/spreadsheets';
import { OrganizationEntity } from '../src/organizations/organization.entity';
import { BENCH_DIR, freshDatabase, openContext } from './support/app';
import { latencies, now, round } from './support/measure';
import { BenchServer } from './support/server';
import { insertNominations, insertRows, NominationFactory, STATE_AFTER, type SynthesizedNomination } from './support/synthesize';

/** How far along the path a nomination stands, as a commune's book looks late in the year (steps taken, share). */
const STEP_SHARES: Array<[steps: number, share: number]> = [
  [0, 0.1],
  [1, 0.1],
  [2, 0.15],
  [3, 0.1],
  [4, 0.05],
  [5, 0.5],
];
const UNITS_PER_COMMUNE = 6;
const FAMILY = ['Lò', 'Lường', 'Tòng', 'Đèo', 'Sùng', 'Vàng', 'Giàng', 'Hoàng', 'Tẩn', 'Chảo', 'Lù', 'Sần', 'Quàng', 'Cầm', 'Điêu', 'Nguyễn', 'Trần'];
const GIVEN = ['Thắng', 'Hải', 'Toán', 'Dũng', 'Xuân', 'Mai', 'Dung', 'Hương', 'Nga', 'Xiêm', 'Mỷ', 'Páo', 'Sơn', 'Tuấn', 'Lan', 'Yến'];

export const personName = (i: number) => `${FAMILY[i % FAMILY.length]} ${i % 2 ? 'Thị' : 'Văn'} ${GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]}`;

/** A small deterministic generator, so two runs seed the same shapes. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface GrowthFigure {
  nominations: number;
  events: number;
  organizations: number;
  seedSeconds: number;
  databaseMb: number | null;
  drivers: Array<{
    driver: string;
    /** GET /api/nominations as a unit (its own, newest first) and as the commune office (state=commune). */
    listAsUnit: { runs: number; p50: number; p99: number; mean: number };
    listAsCommuneOffice: { runs: number; p50: number; p99: number; mean: number };
    /** GET /api/health on the same server, the baseline of the row reads. */
    health: { runs: number; p50: number; p99: number; mean: number };
    dashboardAsCommuneOffice: { runs: number; p50: number; p99: number; mean: number } | null;
    dashboardAsProvince: { runs: number; p50: number; p99: number; mean: number } | null;
    memory: { rssMb: number; peakRssMb: number };
  }>;
  import?: ImportFigure;
}

export interface ImportFigure {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  accepted: number;
  refused: number;
  status: number;
  rssAfterMb: number;
}

/**
 * Seeds `size` Giấy khen nominations with their logs and read access straight into the database, spread over
 * `size / 2000` more communes (at least 20) of the province, six units each, besides Bình Lư; states and dates as
 * STEP_SHARES says; the audit chain's hash columns are left empty (no figure reads them).
 */
async function seed(dataSource: DataSource, factory: NominationFactory, size: number): Promise<{ events: number; organizations: number }> {
  const province = await dataSource.getRepository(OrganizationEntity).findOneByOrFail({ kind: 'province' });
  const communes: Array<{ id: string; units: string[] }> = [{ id: factory.communeId, units: factory.unitIds }];
  const organizations: Array<Record<string, unknown>> = [];
  const at = new Date().toISOString();
  for (let c = 0; c < Math.max(20, Math.round(size / 2000)); c++) {
    const commune = { id: randomUUID(), units: [] as string[] };
    organizations.push({ id: commune.id, name: `UBND xã Thử nghiệm ${c + 1}`, kind: 'commune', code: null, parent_id: province.id, appraisal_office_name: 'Phòng Văn hóa – Xã hội', created_at: at });
    for (let u = 0; u < UNITS_PER_COMMUNE; u++) {
      const unit = randomUUID();
      commune.units.push(unit);
      organizations.push({ id: unit, name: `Bản ${u + 1} xã Thử nghiệm ${c + 1}`, kind: 'unit', code: null, parent_id: commune.id, appraisal_office_name: null, created_at: at });
    }
    communes.push(commune);
  }
  await insertRows(dataSource, 'organizations', organizations);
  const random = generator(size);
  const paths = new Map<number, ReturnType<NominationFactory['path']>>();
  const templates = new Map<string, SynthesizedNomination>();
  const UNIT = '00000000-0000-4000-8000-00000000000u';
  const COMMUNE = '00000000-0000-4000-8000-00000000000c';
  const first = Date.UTC(2025, 0, 1);
  let events = 0;
  const chunk: SynthesizedNomination[] = [];
  for (let i = 0; i < size; i++) {
    let pick = random();
    const steps = STEP_SHARES.find(([, share]) => (pick -= share) < 0)?.[0] ?? 5;
    const day = Math.floor(random() * 690);
    if (!paths.has(day)) paths.set(day, factory.path(new Date(first + day * 86_400_000 + 2 * 3_600_000), 5));
    const commune = communes[Math.floor(random() * communes.length)];
    const unit = commune.units[Math.floor(random() * commune.units.length)];
    // Nominations of one day and step differ only in their ids, organizations and nominee: built once, then copied.
    const key = `${steps}:${day}`;
    if (!templates.has(key)) {
      templates.set(key, factory.build(steps, { organizationId: UNIT, communeId: COMMUNE, nomineeName: 'NAME', createdAt: new Date(first + day * 86_400_000 + 2 * 3_600_000), path: paths.get(day) }));
    }
    const template = templates.get(key)!;
    const id = randomUUID();
    const holder = template.row.holder_organization_id;
    const nomineeName = personName(i);
    const nomination: SynthesizedNomination = {
      row: {
        ...template.row,
        id,
        organization_id: unit,
        nominee_name: nomineeName,
        nominee: JSON.stringify({ kind: 'individual', fullName: nomineeName, category: 'worker-farmer', position: 'Nông dân' }),
        level_organizations: JSON.stringify({ commune: commune.id }),
        holder_organization_id: holder === UNIT ? unit : holder === COMMUNE ? commune.id : holder,
      },
      events: template.events.map((event) => ({ ...event, nomination_id: id })),
      access: template.access.map((access) => ({ nomination_id: id, organization_id: access.organization_id === UNIT ? unit : commune.id })),
    };
    events += nomination.events.length;
    chunk.push(nomination);
    if (chunk.length === 5000 || i === size - 1) {
      await insertNominations(dataSource, chunk.splice(0), 5000);
      if ((i + 1) % 100_000 === 0) console.log(`[bench] seeded ${i + 1} of ${size} nominations`);
    }
  }
  return { events, organizations: organizations.length + 8 };
}

/** A list of `rows` Bình Lư farmers for the Giấy khen in the import template's columns, each a different person. */
export async function importWorkbook(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách đề nghị');
  const columns: NominationColumnKey[] = ['index', 'form', 'nomineeKind', 'name', 'category', 'dateOfBirth', 'position', 'awardYear', 'criterion', 'achievements'];
  sheet.addRow(columns.map((key) => NOMINATION_COLUMNS.find((column) => column.key === key)!.heading));
  for (let i = 0; i < rows; i++) {
    const born = new Date(Date.UTC(1960, 0, 1) + i * 86_400_000);
    sheet.addRow([
      i + 1,
      'Giấy khen của Chủ tịch UBND xã',
      'Cá nhân',
      personName(i),
      'Công nhân, nông dân',
      `${String(born.getUTCDate()).padStart(2, '0')}/${String(born.getUTCMonth() + 1).padStart(2, '0')}/${born.getUTCFullYear()}`,
      'Nông dân',
      2026,
      'Gương mẫu, hoàn thành tốt nhiệm vụ, có thành tích trong phong trào thi đua',
      'Có thành tích trong phong trào thi đua "Chung sức xây dựng nông thôn mới" năm 2026.',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function importFigure(server: BenchServer, rows: number): Promise<ImportFigure> {
  const token = await server.token('ban.binhlu');
  const content = await importWorkbook(rows);
  const form = new FormData();
  form.append('file', new Blob([content], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'danh-sach-de-nghi.xlsx');
  const start = now();
  const response = await fetch(`${server.base}/api/nominations/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const seconds = (now() - start) / 1000;
  const report = (await response.json()) as { accepted?: unknown[]; refused?: Array<{ row: number; problems: unknown[] }> };
  if (!response.ok) throw new Error(`import answered ${response.status}: ${JSON.stringify(report).slice(0, 500)}`);
  return {
    rows,
    seconds: round(seconds, 2),
    rowsPerSecond: round(rows / seconds),
    accepted: report.accepted?.length ?? 0,
    refused: report.refused?.length ?? 0,
    status: response.status,
    rssAfterMb: server.memory().rssMb,
  };
}

async function timedGet(server: BenchServer, token: string, path: string, expectItems: boolean): Promise<void> {
  const response = await fetch(`${server.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${(await response.text()).slice(0, 300)}`);
  const body = (await response.json()) as { items?: unknown[] };
  if (expectItems && !body.items?.length) throw new Error(`${path}: no items`);
}

export async function growthFigure(size: number, drivers: string[], port: number, options: { listRuns: number; dashboardRuns: number; importRows: number }): Promise<GrowthFigure> {
  const file = `${BENCH_DIR}/growth-${size}.sqlite`;
  await freshDatabase(`sqlite:${file}`);
  const app = await openContext(`better-sqlite3:${file}`);
  const started = now();
  const dataSource = app.get(DataSource);
  const factory = await NominationFactory.create(app);
  const { events, organizations } = await seed(dataSource, factory, size);
  const seedSeconds = round((now() - started) / 1000);
  await app.close();
  const { statSync } = await import('node:fs');
  const databaseMb = Math.round(statSync(file).size / 2 ** 20);
  const figure: GrowthFigure = { nominations: size, events, organizations, seedSeconds, databaseMb, drivers: [] };
  for (const [index, driver] of drivers.entries()) {
    const server = await BenchServer.start(`${driver === 'sqlite3' ? 'sqlite' : driver}:${file}`, port);
    try {
      const unit = await server.token('ban.binhlu');
      const office = await server.token('vhxh.binhlu');
      const province = await server.token('snv.laichau');
      const dashboardPath = '/api/statistics/dashboard';
      const hasDashboard = (await fetch(`${server.base}${dashboardPath}`, { headers: { authorization: `Bearer ${office}` } })).status !== 404;
      // Warm the caches and the JIT as a running office's server would be.
      for (let i = 0; i < 10; i++) await timedGet(server, office, '/api/nominations?state=commune&pageSize=20', true);
      const health = await latencies(options.listRuns, () => fetch(`${server.base}/api/health`).then((r) => r.text()));
      const listAsUnit = await latencies(options.listRuns, (i) => timedGet(server, unit, `/api/nominations?page=${1 + (i % 5)}&pageSize=20`, true));
      const listAsCommuneOffice = await latencies(options.listRuns, (i) => timedGet(server, office, `/api/nominations?state=${i % 2 ? 'commune' : 'commune.appraisal'}&page=${1 + (i % 3)}&pageSize=20`, true));
      const dashboardAsCommuneOffice = hasDashboard ? await latencies(options.dashboardRuns, () => timedGet(server, office, dashboardPath, false)) : null;
      const dashboardAsProvince = hasDashboard ? await latencies(options.dashboardRuns, () => timedGet(server, province, dashboardPath, false)) : null;
      figure.drivers.push({ driver, listAsUnit, listAsCommuneOffice, health, dashboardAsCommuneOffice, dashboardAsProvince, memory: server.memory() });
      if (index === drivers.length - 1 && options.importRows > 0) figure.import = await importFigure(server, options.importRows);
    } finally {
      await server.stop();
    }
  }
  return figure;
}

export { STATE_AFTER };
