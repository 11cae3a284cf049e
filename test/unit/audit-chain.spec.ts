import { canonicalJson, chainHashes, checkAuditChain, eventHash, type AuditedEvent, type ChainedEvent } from '../../workflows';

const NOMINATION = '6f1d7a52-2c1e-4a51-9d8e-3b0c1f6a9e21';
const submitter = { actorUserId: 'a1c0e7b4-0000-4000-8000-000000000001', actorUsername: 'ban.binhlu' };

/** A Giấy khen log as the service writes it: creation, an upload, submission, acceptance. */
function demoLog(): ChainedEvent[] {
  const rows: Array<Omit<AuditedEvent, 'prevHash' | 'nominationId'>> = [
    { seq: 0, type: 'CREATED', ...submitter, at: '2026-03-02T02:00:00.000Z', fromState: '', toState: 'draft', payload: { formCode: 'giay-khen-chu-tich-xa', nominee: { kind: 'person', fullName: 'Lò Văn Chiến' } } },
    { seq: 1, type: 'DOCUMENT_UPLOADED', ...submitter, at: '2026-03-02T02:05:00.000Z', fromState: 'draft', toState: 'draft', payload: { code: 'submission', fileName: 'To trinh.pdf', version: 1 } },
    { seq: 2, type: 'SUBMIT', ...submitter, at: '2026-03-02T02:10:00.000Z', fromState: 'draft', toState: 'commune.received', payload: { type: 'SUBMIT', at: '2026-03-02T02:10:00.000Z', deadline: null } },
    { seq: 3, type: 'ACCEPT', actorUserId: 'a1c0e7b4-0000-4000-8000-000000000002', actorUsername: 'vhxh.binhlu', at: '2026-03-03T01:00:00.000Z', fromState: 'commune.received', toState: 'commune.appraisal', payload: { type: 'ACCEPT', deadline: { dueDate: '2026-03-17', workingDays: 10 } } },
  ];
  const events = rows.map((row) => ({ ...row, nominationId: NOMINATION, prevHash: null }));
  const links = chainHashes(events);
  return events.map((event, index) => ({ ...event, prevHash: links[index].prevHash, hash: links[index].hash }));
}

describe('canonical JSON', () => {
  it('is the same text whatever order the keys were written in, and drops undefined members as JSON does', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 'Đ' }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 'Đ', y: 2 }] }, b: 1 }));
    expect(canonicalJson({ a: 1, gone: undefined })).toBe('{"a":1}');
    expect(canonicalJson([undefined, 'Hội đồng'])).toBe('[null,"Hội đồng"]');
  });

  it('keeps strings byte for byte: a decomposed Vietnamese letter is another text', () => {
    expect(canonicalJson('Lò Văn Chiến'.normalize('NFD'))).not.toBe(canonicalJson('Lò Văn Chiến'.normalize('NFC')));
  });
});

describe('event hash', () => {
  const [, upload] = demoLog();

  it('is the SHA-256 of the canonical form, stable across key order of the payload', () => {
    expect(eventHash(upload)).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash({ ...upload, payload: { version: 1, fileName: 'To trinh.pdf', code: 'submission' } })).toBe(eventHash(upload));
  });

  it.each([
    ['seq', { seq: 7 }],
    ['type', { type: 'DRAFT_UPDATED' }],
    ['actor', { actorUsername: 'htx.binhlu' }],
    ['time', { at: '2026-03-02T02:05:00.001Z' }],
    ['states', { toState: 'commune.received' }],
    ['payload', { payload: { code: 'submission', fileName: 'To trinh.pdf', version: 2 } }],
    ['link to the row before', { prevHash: '0'.repeat(64) }],
  ])('changes when the %s changes', (_field, change) => {
    expect(eventHash({ ...upload, ...change })).not.toBe(eventHash(upload));
  });
});

describe('audit chain check', () => {
  it('accepts an intact log: seq 0 has no link, every later row links the hash of the one before', () => {
    const log = demoLog();
    expect(log[0].prevHash).toBeNull();
    expect(log[2].prevHash).toBe(log[1].hash);
    expect(checkAuditChain(NOMINATION, log, 4)).toEqual([]);
  });

  it('locates an edited row by its own hash', () => {
    const log = demoLog();
    log[2] = { ...log[2], payload: { ...(log[2].payload as object), at: '2026-01-01T00:00:00.000Z' } };
    expect(checkAuditChain(NOMINATION, log, 4)).toEqual([expect.objectContaining({ seq: 2, kind: 'hash-mismatch' })]);
  });

  it('locates an edit whose row hash was recomputed at the row after it', () => {
    const log = demoLog();
    const forged = { ...log[1], actorUsername: 'admin' };
    log[1] = { ...forged, hash: eventHash(forged) };
    expect(checkAuditChain(NOMINATION, log, 4)).toEqual([expect.objectContaining({ seq: 2, kind: 'prev-hash-mismatch' })]);
  });

  it('locates a row deleted from the middle at the row after the gap', () => {
    const log = demoLog();
    log.splice(1, 1);
    expect(checkAuditChain(NOMINATION, log, 4).map(({ seq, kind }) => [seq, kind])).toEqual([
      [2, 'seq-gap'],
      [2, 'prev-hash-mismatch'],
    ]);
  });

  it('locates the first row deleted, and rows cut off the end against the version', () => {
    const withoutFirst = demoLog().slice(1);
    expect(checkAuditChain(NOMINATION, withoutFirst, 4).map(({ seq, kind }) => [seq, kind])).toEqual([
      [1, 'seq-gap'],
      [1, 'prev-hash-mismatch'],
    ]);
    const withoutLast = demoLog().slice(0, 3);
    expect(checkAuditChain(NOMINATION, withoutLast, 4)).toEqual([expect.objectContaining({ seq: 3, kind: 'log-length' })]);
    expect(checkAuditChain(NOMINATION, [], 1)).toEqual([expect.objectContaining({ seq: 0, kind: 'log-length' })]);
  });

  it('reports a row without a hash', () => {
    const log = demoLog();
    log[3] = { ...log[3], hash: null };
    expect(checkAuditChain(NOMINATION, log, 4)).toEqual([expect.objectContaining({ seq: 3, kind: 'hash-missing' })]);
  });
});
