import fc from 'fast-check';
import type { Response } from 'supertest';
import type { DataSource } from 'typeorm';
import type { TestApp } from '../../support/test-app';
import type { RegisteredRoute } from '../../support/routes';

/** The one error shape (src/common/http-error.filter.ts) and a letter only Vietnamese text has. */
export const ERROR_KEYS = ['statusCode', 'error', 'code', 'message', 'details'];
export const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** What a failed expectation prints: the request that broke the rule. */
export interface SentRequest {
  method: string;
  url: string;
  as: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** Never a 5xx; every 4xx in the one error shape with a Vietnamese message and nothing internal in it. */
export function problemsWith(response: Response): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`answered ${response.status}`);
  if (response.status < 400) return problems;
  if (!/application\/json/.test(String(response.headers['content-type']))) problems.push(`error without JSON (${response.headers['content-type']})`);
  const body = response.body as Record<string, unknown>;
  if (!body || typeof body !== 'object') return [...problems, 'error without a body'];
  const extra = Object.keys(body).filter((key) => !ERROR_KEYS.includes(key));
  if (extra.length) problems.push(`error with keys ${extra.join(', ')}`);
  if (body.statusCode !== response.status) problems.push(`statusCode ${String(body.statusCode)} ≠ ${response.status}`);
  if (typeof body.error !== 'string') problems.push('no error name');
  if (typeof body.message !== 'string' || !VIETNAMESE.test(body.message)) problems.push(`message not Vietnamese: ${JSON.stringify(body.message)}`);
  if (/at \S+\.(ts|js):\d+|QueryFailedError|SQLITE|stack|syntax error at/i.test(JSON.stringify(body))) problems.push('internal detail leaked');
  return problems;
}

/**
 * A cheap fingerprint of everything the database holds: for every table of the entity metadata, its row count
 * and the sum of its `version` column where it has one, in one query. `login_failures` is left out: counting a
 * refused login is its purpose.
 */
export function databaseFingerprint(dataSource: DataSource, leaveOut = ['login_failures']): () => Promise<Record<string, string>> {
  const tables = [...new Map(dataSource.entityMetadatas.map((meta) => [meta.tableName, meta])).values()].filter((meta) => !leaveOut.includes(meta.tableName));
  const sql = tables
    .map((meta) => {
      const version = meta.columns.find((column) => column.databaseName === 'version' && (column.type === Number || /int/i.test(String(column.type))));
      return `SELECT '${meta.tableName}' AS t, COUNT(*) AS n, ${version ? `COALESCE(SUM("${version.databaseName}"), 0)` : '0'} AS v FROM "${meta.tableName}"`;
    })
    .join(' UNION ALL ');
  return async () => {
    const rows = (await dataSource.query(sql)) as Array<{ t: string; n: unknown; v: unknown }>;
    return Object.fromEntries(rows.map((row) => [row.t, `${Number(row.n)}/${Number(row.v)}`]));
  };
}

/** Strings that break parsers, queries, paths and normalizers. */
export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "1; DROP TABLE nominations; --",
  '" OR ""="',
  "1' UNION SELECT password_hash FROM users --",
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '\u0000',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  'A\u030A\u0301', // decomposed marks (NFD)
  'Bi\u0300nh Lu\u031B', // "Bình Lư" decomposed
  '\u202Eabc\u202C', // right-to-left override
  '\uFEFF\u200B\u200D', // BOM, zero-width
  '🏆'.repeat(50),
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '\uD800', // a lone surrogate
  'x'.repeat(10_000),
  ' ',
  '',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '2026-02-30',
  '9999-99-99',
  '[object Object]',
];

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/** Printable ASCII only: Node refuses other characters in a header before it is sent. */
const headerText = fc.oneof(
  fc.constantFrom('*', 'W/"1"', '"abc"', '-1', '1e3', '0x10', '999999999999999999999', '"1", "2"', ' ', 'null', "' OR 1=1 --", 'a'.repeat(4000)),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 }),
);

/** A value of any JSON type, including deep and odd ones. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, [], {}, [[[]]], { '': '' }),
);

/** Bodies as raw text: malformed JSON and prototype-pollution keys the JSON parser keeps as own properties. */
const RAW_BODIES = [
  '{',
  '{"a":',
  '[1,2',
  'null',
  '"chỉ một chuỗi"',
  '12345',
  '{"__proto__": {"polluted": "có"}, "constructor": {"prototype": {"polluted": "có"}}}',
  '{"type": "SUBMIT", "__proto__": {"isAdmin": true, "roles": ["admin"]}}',
  '{"nominee": {"__proto__": {"polluted": "có"}}, "achievements": {"constructor": {"prototype": {"polluted": "có"}}}}',
  `{"a": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
  '{"a": 1, "a": 2}',
  '\uFEFF{"type": "SUBMIT"}',
  '{"type": "SUBMIT"}\u0000',
  `"${'x'.repeat(1_100_000)}"`, // over the 1 MB JSON limit
];

export type BodyKind =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string }
  | { kind: 'multipart'; fields: Record<string, string>; file: { name: string; bytes: Buffer } | null };

/** The JSON body's properties a route declares (its OpenAPI request schema), to send them with the wrong types. */
export type BodyShape = Array<{ name: string; type: string | undefined }>;

export function bodyShapes(openApi: any): Map<string, BodyShape> {
  const shapes = new Map<string, BodyShape>();
  const resolve = (schema: any): any => (schema?.$ref ? openApi.components?.schemas?.[schema.$ref.split('/').pop()] : schema);
  for (const [path, operations] of Object.entries<any>(openApi.paths ?? {})) {
    for (const [method, operation] of Object.entries<any>(operations)) {
      const content = operation?.requestBody?.content ?? {};
      const schema = resolve(content['application/json']?.schema ?? content['multipart/form-data']?.schema);
      const properties = Object.entries<any>(schema?.properties ?? {}).map(([name, property]) => ({ name, type: resolve(property)?.type }));
      shapes.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, properties);
    }
  }
  return shapes;
}

/** Each declared property with a value of another type, or a hostile one of its own. */
function wrongTyped(shape: BodyShape) {
  if (!shape.length) return fc.dictionary(fc.constantFrom('type', 'id', 'nominee', 'organizationId', 'roles', 'isAdmin', 'version'), anyJson, { maxKeys: 4 });
  return fc.record(
    Object.fromEntries(
      shape.map(({ name, type }) => [
        name,
        type === 'string'
          ? fc.oneof(hostileString, fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.constant({}))
          : type === 'array'
            ? fc.oneof(hostileString, fc.array(anyJson, { maxLength: 4 }), fc.constant({ length: 1e9 }), fc.constant(null))
            : fc.oneof(anyJson, hostileString),
      ]),
    ),
    { requiredKeys: [] },
  );
}

/** Each declared property with a value of its own type, but a hostile one: what gets past validation to the service. */
function rightTypedHostile(shape: BodyShape) {
  return fc.record(
    Object.fromEntries(
      shape.map(({ name, type }) => [
        name,
        type === 'string'
          ? hostileString
          : type === 'number' || type === 'integer'
            ? fc.constantFrom(0, -1, 1, 2026, 1e9, -1e9, 0.5, Number.MAX_SAFE_INTEGER, 1e308)
            : type === 'boolean'
              ? fc.boolean()
              : type === 'array'
                ? fc.array(fc.oneof(hostileString, fc.dictionary(fc.constantFrom('userId', 'status', 'organizationId', 'representativeUserId', 'code'), hostileString)), { maxLength: 3 })
                : fc.dictionary(fc.constantFrom('kind', 'fullName', 'name', 'dateOfBirth', 'taxCode', 'members', 'present', 'yes', 'no', 'abstain', '__proto__'), fc.oneof(hostileString, fc.integer())),
      ]),
    ),
    { requiredKeys: [] },
  );
}

export function bodyArbitrary(shape: BodyShape): fc.Arbitrary<BodyKind> {
  return fc.oneof(
    { weight: 3, arbitrary: rightTypedHostile(shape).map<BodyKind>((value) => ({ kind: 'json', value })) },
    { weight: 1, arbitrary: fc.constant<BodyKind>({ kind: 'none' }) },
    { weight: 4, arbitrary: wrongTyped(shape).map<BodyKind>((value) => ({ kind: 'json', value })) },
    { weight: 2, arbitrary: anyJson.map<BodyKind>((value) => ({ kind: 'json', value })) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES).map<BodyKind>((text) => ({ kind: 'raw', text, contentType: 'application/json' })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'application/json; charset=koi8-r', 'image/png', 'multipart/form-data'),
          fc.constantFrom('{"type":"SUBMIT"}', 'a=1&b=2', '<xml>&lt;</xml>', '\u0000\u0001'),
        )
        .map<BodyKind>(([contentType, text]) => ({ kind: 'raw', text, contentType })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.dictionary(fc.constantFrom('code', 'level', 'type', 'organizationId', 'campaignId', 'mode', '__proto__'), hostileString, { maxKeys: 3 }),
          fc.option(
            fc.record({
              name: fc.constantFrom('tờ-trình.pdf', '../../../etc/passwd', 'a'.repeat(300) + '.pdf', 'bieu-mau.xlsx', 'ảnh.png', 'null\u0000.docx'),
              bytes: fc.oneof(fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes)), fc.constant(Buffer.from('%PDF-1.4\n%âãÏÓ\n'))),
            }),
          ),
        )
        .map<BodyKind>(([fields, file]) => ({ kind: 'multipart', fields, file })),
    },
  );
}

export const headersArbitrary = fc.record(
  { 'If-Match': headerText, 'Idempotency-Key': headerText, Accept: fc.constantFrom('application/xml', '*/*', 'text/html', ''), 'Accept-Language': fc.constant('vi-VN') },
  { requiredKeys: [] },
);

/** Query strings: the keys routes read, and others, with hostile values, repeated keys (arrays) and bracket keys. */
export const QUERY_KEYS = ['page', 'pageSize', 'state', 'q', 'year', 'format', 'organizationId', 'campaignId', 'councilId', 'emulationBlockId', 'status', 'formCode', 'overdue', 'dueWithinDays', 'unread', 'kind', 'jurisdiction', 'date', 'from', 'to', 'level', 'groupBy'];
export const queryArbitrary = fc.array(
  fc.tuple(fc.constantFrom(...QUERY_KEYS, '__proto__', 'constructor[prototype][polluted]', 'q[$ne]', 'page[]'), fc.oneof(hostileString, fc.constantFrom('1', '2026', 'true'))),
  { maxLength: 6 },
);

export function queryString(pairs: Array<[string, string]>): string {
  const encode = (text: string) => {
    try {
      return encodeURIComponent(text);
    } catch {
      return '%ED%A0%80'; // a lone surrogate, sent as the invalid UTF-8 it would be
    }
  };
  return pairs.length ? `?${pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&')}` : '';
}

/** Sends one request as `token` (or anonymously) and returns the answer with what was sent. */
export async function send(
  t: TestApp,
  route: Pick<RegisteredRoute, 'method'>,
  url: string,
  token: string | null,
  headers: Record<string, string>,
  body: BodyKind,
): Promise<Response> {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let request = t.http()[method](url);
  if (token) request = request.set('Authorization', `Bearer ${token}`);
  for (const [name, value] of Object.entries(headers)) request = request.set(name, value);
  if (body.kind === 'json') return request.set('Content-Type', 'application/json').send(JSON.stringify(body.value) ?? 'null');
  if (body.kind === 'raw') return request.set('Content-Type', body.contentType).send(body.text);
  if (body.kind === 'multipart') {
    for (const [name, value] of Object.entries(body.fields)) request = request.field(name, value);
    if (body.file) request = request.attach('file', body.file.bytes, body.file.name);
    return request;
  }
  return request;
}

/**
 * A body a well-meaning client would send, from the route's OpenAPI schema: its required properties only (and
 * optional ones that carry an example or name an identifier), each with its example, default or first enum value, a real identifier for
 * an `…Id`/`…Ids` property (`idFor`), a date for a date-like name, else a value of its type. So a refusal is more
 * often about who asks than about what is sent.
 */
export function plausibleBodies(openApi: any, idFor: (property: string) => string | undefined = () => undefined): Map<string, Record<string, unknown>> {
  const bodies = new Map<string, Record<string, unknown>>();
  const resolve = (schema: any): any => (schema?.$ref ? openApi.components?.schemas?.[schema.$ref.split('/').pop()] : schema);
  const sample = (schema: any, name: string, depth: number): unknown => {
    const resolved = resolve(schema) ?? {};
    const id = /Ids?$/.test(name) ? idFor(name.replace(/s$/, '')) : undefined;
    if (id) return name.endsWith('Ids') ? [id] : id;
    if (resolved.example !== undefined) return resolved.example;
    if (resolved.default !== undefined) return resolved.default;
    if (resolved.enum?.length) return resolved.enum[0];
    if (resolved.type === 'array') return depth > 2 ? [] : [sample(resolved.items, name, depth + 1)];
    if (resolved.type === 'object' || resolved.properties) {
      if (depth > 2) return {};
      const required = new Set<string>(resolved.required ?? []);
      return Object.fromEntries(
        Object.entries<any>(resolved.properties ?? {})
          .filter(([property, definition]) => required.has(property) || resolve(definition)?.example !== undefined || (/Ids?$/.test(property) && !!idFor(property.replace(/s$/, ''))))
          .map(([property, definition]) => [property, sample(definition, property, depth + 1)]),
      );
    }
    if (resolved.type === 'integer' || resolved.type === 'number') return resolved.minimum ?? 1;
    if (resolved.type === 'boolean') return false;
    if (resolved.format === 'date' || /(date|Date|On|^from|^to)$/.test(name)) return '2026-12-15';
    return 'Kiểm tra phân quyền';
  };
  for (const [path, operations] of Object.entries<any>(openApi.paths ?? {})) {
    for (const [method, operation] of Object.entries<any>(operations)) {
      const schema = operation?.requestBody?.content?.['application/json']?.schema;
      if (schema) bodies.set(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`, sample(schema, '', 0) as Record<string, unknown>);
    }
  }
  return bodies;
}
