import {
  checkReplay,
  machineDefinitionOf,
  MACHINE_BUILDER_VERSION,
  MachineRebuildError,
  rebuildWorkflow,
  SnapshotUnknownStateError,
  type NominationEventType,
} from '../../workflows';
import { formOf, ruleSetInForce, scopeOf, validEventFor, workflowFor } from '../model/nomination-builders';

const ruleSet = ruleSetInForce();
const giayKhen = workflowFor(formOf(ruleSet, 'giay-khen-chu-tich-xa'), ruleSet);
const input = { formCode: 'giay-khen-chu-tich-xa', entryLevel: 'commune' as const };

/** A stored nomination and its log, as the service writes them, for a path of machine events. */
function stored(types: NominationEventType[]) {
  let snapshot = giayKhen.start(input);
  const log = [{ seq: 0, type: 'CREATED', fromState: '', toState: 'draft', payload: {} }];
  for (const type of types) {
    const event = validEventFor(type, scopeOf(giayKhen), 'commune');
    const fromState = giayKhen.statePath(snapshot);
    const result = giayKhen.step(snapshot, event);
    if (result.outcome !== 'accepted') throw new Error(`${type}: ${result.outcome}`);
    snapshot = result.snapshot;
    log.push({ seq: log.length, type, fromState, toState: giayKhen.statePath(snapshot), payload: event as never });
  }
  const nomination = { id: 'b5a3c1d2-0000-4000-8000-00000000000a', ...input, state: giayKhen.statePath(snapshot), version: log.length, snapshot: JSON.parse(JSON.stringify(giayKhen.persist(snapshot))) };
  return { nomination, log };
}

describe('machine versions kept by definition', () => {
  it('rebuilds the same machine version from its kept definition', () => {
    const definition = JSON.parse(JSON.stringify(machineDefinitionOf(ruleSet.id, giayKhen)));
    expect(definition).toMatchObject({ ruleSetId: ruleSet.id, formCode: 'giay-khen-chu-tich-xa', builderVersion: MACHINE_BUILDER_VERSION, version: giayKhen.version });
    const rebuilt = rebuildWorkflow(definition);
    expect(rebuilt.version).toBe(giayKhen.version);
    const { nomination, log } = stored(['SUBMIT', 'ACCEPT', 'APPRAISAL_PASSED']);
    expect(checkReplay(rebuilt, nomination, log)).toEqual([]);
  });

  it('gives a changed form another version, and refuses a definition that no longer builds to its version', () => {
    const definition = machineDefinitionOf(ruleSet.id, giayKhen);
    const changed = structuredClone(definition.form);
    changed.levels.commune = { ...changed.levels.commune!, appraisalWorkingDays: changed.levels.commune!.appraisalWorkingDays + 5 };
    const other = workflowFor(changed, ruleSet);
    expect(other.version).not.toBe(giayKhen.version);
    expect(() => rebuildWorkflow({ ...definition, form: changed })).toThrow(MachineRebuildError);
    expect(() => rebuildWorkflow({ ...definition, builderVersion: MACHINE_BUILDER_VERSION + 1 })).toThrow(/bộ dựng phiên bản/);
  });
});

describe('a snapshot naming a state its machine lacks', () => {
  it('lists the states a snapshot may stand in', () => {
    expect([...giayKhen.statePaths]).toEqual(expect.arrayContaining(['draft', 'commune.received', 'commune.appraisal', 'awarded', 'withdrawn']));
    expect(giayKhen.statePaths.has('commune')).toBe(false);
  });

  it('is refused by name on restore, never resolved to another state', () => {
    const { nomination } = stored(['SUBMIT', 'ACCEPT']);
    const unknown = { ...nomination.snapshot, value: { commune: 'buocDaBo' } };
    expect(() => giayKhen.restore(unknown)).toThrow(SnapshotUnknownStateError);
    try {
      giayKhen.restore(unknown);
    } catch (error) {
      expect((error as SnapshotUnknownStateError).state).toBe('commune.buocDaBo');
    }
  });

  it('is reported by the replay check at the nomination’s last row', () => {
    const { nomination, log } = stored(['SUBMIT', 'ACCEPT']);
    const problems = checkReplay(giayKhen, { ...nomination, snapshot: { ...nomination.snapshot, value: { commune: 'buocDaBo' } } }, log);
    expect(problems).toContainEqual(expect.objectContaining({ seq: 2, kind: 'unknown-state' }));
  });

  it('reports a log row the machine does not take at its seq', () => {
    const { nomination, log } = stored(['SUBMIT', 'ACCEPT']);
    const reordered = log.map((entry) => (entry.seq === 1 ? { ...entry, payload: { ...(log[2].payload as object) } } : entry));
    expect(checkReplay(giayKhen, nomination, reordered)).toContainEqual(expect.objectContaining({ seq: 1, kind: 'replay-refused' }));
  });
});
