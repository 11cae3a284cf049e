import { jsonProblem, MAX_JSON_DEPTH } from '../../src/common/input-guards';
import { demoPasswords, jwtSecretWeakness, productionPasswordWeakness } from '../../src/config/production-secrets';

describe('what the JSON body guard refuses before parsing', () => {
  const problem = (text: string) => jsonProblem(Buffer.from(text, 'utf8'));

  it('refuses nesting deeper than the limit, counting only brackets outside strings', () => {
    expect(problem(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).toBeNull();
    expect(problem(`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`)).toBe('too-deep');
    expect(problem(JSON.stringify({ achievements: '['.repeat(5000) }))).toBeNull();
    expect(problem(JSON.stringify({ nominee: { kind: 'individual', fullName: 'Lò Thị Hương' }, items: [['a'], { b: [1] }] }))).toBeNull();
  });

  it('refuses the NUL escape, but not an escaped backslash followed by the text u0000', () => {
    expect(problem(JSON.stringify({ fullName: 'Lò\u0000Thị Hương' }))).toBe('nul');
    expect(problem('{"fullName": "L\\u0000"}')).toBe('nul');
    expect(problem(JSON.stringify({ note: 'C:\\u0000' }))).toBeNull();
    expect(problem(JSON.stringify({ note: 'Theo "Kế hoạch" số 82\\KH' }))).toBeNull();
  });
});

describe('the secrets a production start accepts', () => {
  it('knows the demo password from data/demo', () => {
    expect(demoPasswords()).toEqual(['BinhLu@2026']);
  });

  it('refuses a missing, short, repetitive or demo-derived JWT_SECRET', () => {
    expect(jwtSecretWeakness(undefined)).toContain('bắt buộc');
    expect(jwtSecretWeakness('e2e-secret')).toContain('ít nhất 32 ký tự');
    expect(jwtSecretWeakness('ab'.repeat(20))).toContain('quá dễ đoán');
    expect(jwtSecretWeakness('BinhLu@2026-0123456789abcdefghijklmnop')).toContain('dữ liệu mẫu');
    expect(jwtSecretWeakness('9f4c1e7a2b8d6e3f0a5c7b9d1e2f4a6c8b0d3e5f7a9c1b3d')).toBeNull();
  });

  it('refuses the demo password and short passwords', () => {
    expect(productionPasswordWeakness('ADMIN_PASSWORD', 'BinhLu@2026')).toContain('dữ liệu mẫu');
    expect(productionPasswordWeakness('ADMIN_PASSWORD', 'LaiChau@26')).toContain('ít nhất 12 ký tự');
    expect(productionPasswordWeakness('ADMIN_PASSWORD', 'Quan-tri@LaiChau-2026')).toBeNull();
  });
});
