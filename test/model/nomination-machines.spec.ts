/**
 * Model-based tests: for every form of the rule set in force and every level a nomination may enter at,
 * @xstate/graph walks the form's machine with valid payloads for each event, and the paths it generates are
 * checked against the machine's own diagram (coverage), against NominationWorkflow (replay, persistence, refusals)
 * and against what each state means in the domain (workflow.md).
 */
import { createTestModel, getSimplePaths } from '@xstate/graph';
import { transition, type AnyMachineSnapshot } from 'xstate';
import {
  actorRequirement,
  machineGraph,
  NOMINATION_EVENT_TYPES,
  statusLabel,
  STEP_LABELS,
  toMermaid,
  type AwardForm,
  type DiagramEdge,
  type DiagramGraph,
  type Level,
  type NominationEvent,
  type NominationEventType,
  type NominationInput,
  type NominationSnapshot,
  type NominationWorkflow,
} from '../../workflows';
import {
  AT,
  EXTERNAL_LEVELS,
  inquorateCounts,
  levelOf,
  refusedEventFor,
  ruleSetInForce,
  scopeOf,
  validEventFor,
  workflowFor,
} from './nomination-builders';

const ruleSet = ruleSetInForce();

// ─── Generating paths ────────────────────────────────────────────────────────────────────────────────────────────

/** One valid payload per event type, for the level the nomination stands at; @xstate/graph keeps the ones the state has. */
function validEventsIn(workflow: NominationWorkflow, snapshot: NominationSnapshot): NominationEvent[] {
  return NOMINATION_EVENT_TYPES.map((type) => validEventFor(type, scopeOf(workflow), levelOf(snapshot)));
}

/** A path as @xstate/graph generates it: the states passed through (the first is the initial one) and the events between. */
interface GeneratedPath {
  states: NominationSnapshot[];
  events: NominationEvent[];
  final: NominationSnapshot;
}

interface Traversal {
  workflow: NominationWorkflow;
  input: NominationInput;
  paths: GeneratedPath[];
}

const traversals = new Map<string, Traversal>();

/** Every simple path from the initial state of the form's machine entered at `entryLevel` (memoised: pure and costly). */
function traverse(form: AwardForm, entryLevel: Level): Traversal {
  const key = `${form.code}@${entryLevel}`;
  if (!traversals.has(key)) {
    const workflow = workflowFor(form, ruleSet);
    const input: NominationInput = { formCode: form.code, entryLevel };
    const paths = getSimplePaths(workflow.machine, {
      input,
      events: (snapshot) => validEventsIn(workflow, snapshot as NominationSnapshot),
    }).map(
      (path): GeneratedPath => ({
        // Step 0 is the initial state, reached by `xstate.init`; each later step holds the event that led to its state.
        states: path.steps.map((step) => step.state as NominationSnapshot),
        events: path.steps.slice(1).map((step) => step.event as NominationEvent),
        final: path.state as NominationSnapshot,
      }),
    );
    traversals.set(key, { workflow, input, paths });
  }
  return traversals.get(key)!;
}

// ─── Reading paths against the diagram ───────────────────────────────────────────────────────────────────────────

const headOf = (statePath: string) => statePath.split('.')[0];
const isWithin = (statePath: string, node: string) => statePath === node || statePath.startsWith(`${node}.`);
const edgeKey = (edge: Pick<DiagramEdge, 'from' | 'to' | 'event'>) => `${edge.from} —${edge.event}→ ${edge.to}`;
/** `draft —SUBMIT→ commune.received —ACCEPT→ commune.appraisal` */
const describePath = (workflow: NominationWorkflow, path: GeneratedPath) =>
  path.states.map((state, i) => (i === 0 ? '' : ` —${path.events[i - 1].type}→ `) + workflow.statePath(state)).join('');

/** States and transitions of the diagram a nomination entering at `entryLevel` can reach: none under another entry level. */
function reachableFrom(form: AwardForm, graph: DiagramGraph, entryLevel: Level) {
  const elsewhere = (statePath: string) => form.entryLevels.includes(headOf(statePath) as Level) && headOf(statePath) !== entryLevel;
  return {
    states: graph.states.map((state) => state.path).filter((path) => !elsewhere(path)),
    edges: graph.edges.filter((edge) => !elsewhere(edge.from) && !elsewhere(edge.to)).map(edgeKey),
  };
}

/** The diagram edges a path takes: each step must be exactly one edge (source node and target node contain the states). */
function edgesTaken(workflow: NominationWorkflow, graph: DiagramGraph, path: GeneratedPath): string[] {
  return path.events.map((event, i) => {
    const [before, after] = [workflow.statePath(path.states[i]), workflow.statePath(path.states[i + 1])];
    const matching = graph.edges.filter((edge) => edge.event === event.type && isWithin(before, edge.from) && isWithin(after, edge.to));
    if (matching.length !== 1) throw new Error(`${before} —${event.type}→ ${after} matches ${matching.length} edges of the diagram`);
    return edgeKey(matching[0]);
  });
}

/** Every state node a path passes through, compound ancestors included. */
function statesVisited(workflow: NominationWorkflow, path: GeneratedPath): string[] {
  return path.states.flatMap((state) => {
    const parts = workflow.statePath(state).split('.');
    return parts.map((_part, i) => parts.slice(0, i + 1).join('.'));
  });
}

function coverage(form: AwardForm, entryLevel: Level) {
  const { workflow, paths } = traverse(form, entryLevel);
  const graph = machineGraph(workflow.machine);
  return {
    expected: reachableFrom(form, graph, entryLevel),
    states: new Set(paths.flatMap((path) => statesVisited(workflow, path))),
    edges: new Set(paths.flatMap((path) => edgesTaken(workflow, graph, path))),
  };
}

/** The event types the diagram gives a state: its own transitions and its ancestors'. */
function diagramEventsOf(graph: DiagramGraph, statePath: string): NominationEventType[] {
  return [...new Set(graph.edges.filter((edge) => isWithin(statePath, edge.from)).map((edge) => edge.event as NominationEventType))];
}

/** Each distinct state the paths reach (the paths form a tree: one path ends at each state). */
function statesReached(traversal: Traversal): NominationSnapshot[] {
  const seen = new Map<string, NominationSnapshot>();
  for (const path of traversal.paths) {
    seen.set(JSON.stringify({ value: path.final.value, context: path.final.context }), path.final);
  }
  return [...seen.values()];
}

// ─── What each state means ───────────────────────────────────────────────────────────────────────────────────────

const REJECTION_STEP: Partial<Record<NominationEventType, string>> = {
  APPRAISAL_REJECTED: 'appraisal',
  COUNCIL_REJECTED: 'council',
  DECLINED: 'signature',
  RECORD_EXTERNAL_REJECTION: 'external',
};

/** The domain's reading of a reached state (workflow.md), as a list of violations: empty when the state means what it says. */
function meaningViolations(workflow: NominationWorkflow, input: NominationInput, path: GeneratedPath): string[] {
  const violations: string[] = [];
  const check = (holds: boolean, what: string) => {
    if (!holds) violations.push(what);
  };
  const { context } = path.final;
  const statePath = workflow.statePath(path.final);
  const [head, step] = statePath.split('.');
  const route: Level[] = [input.entryLevel, ...workflow.form.upperLevels];
  const last = route.length - 1;
  const lastEvent = path.events.at(-1)?.type;
  const eventTypes = path.events.map((event) => event.type);
  const submissions = context.signatures.filter((signature) => signature.act === 'submission');
  const decisions = context.signatures.filter((signature) => signature.act === 'decision');

  check(context.formCode === workflow.form.code && JSON.stringify(context.route) === JSON.stringify(route), 'context names the form and its route');
  check(context.levelIndex >= 0 && context.levelIndex <= last, 'levelIndex lies on the route');
  check(submissions.length === context.levelIndex, 'one forwarding submission signed per level passed');
  check(submissions.every((signature, i) => signature.level === route[i] && signature.number !== ''), 'submissions signed level by level');
  check(context.councilResults.every((result) => route.indexOf(result.level) <= context.levelIndex), 'council results only up to the current level');
  check(context.submittedAt === (eventTypes.includes('SUBMIT') ? AT : null), 'submittedAt set by SUBMIT only');
  if (route.includes(head as Level)) {
    check(route[context.levelIndex] === head, `levelIndex ${context.levelIndex} points at ${head}`);
    check(context.rejection === null && context.withdrawal === null && context.revocation === null, 'an open nomination has no outcome');
  }
  if (step === 'supplementRequested') {
    const round = context.supplementRounds.at(-1);
    check(round?.level === head && round.resubmittedAt === null, 'an open supplement round at this level');
  }
  if (step === 'awaitingSignature' && workflow.form.levels[head as Level]!.council.kind !== 'standing-body') {
    check(context.councilResults.at(-1)?.level === head && context.councilResults.at(-1)?.approved === true, 'the council of this level approved');
  }
  if (step === 'awaitingExternalDecision') check(EXTERNAL_LEVELS.includes(head as Level), 'only a level outside the deployment awaits an external decision');

  switch (statePath) {
    case 'draft':
      check(path.events.length === 0, 'draft is only the initial state');
      break;
    case 'awarded':
    case 'revoked': {
      check(context.levelIndex === last, 'granted at the route’s last level');
      const external = EXTERNAL_LEVELS.includes(route[last]);
      if (external) {
        check(context.externalDecision?.granted === true && context.externalDecision.level === route[last], 'an external decision granted it');
        check(decisions.length === 0, 'no internal decision when the award is granted outside');
      } else {
        check(decisions.length === 1 && decisions[0].level === route[last] && decisions[0].number !== '', 'a numbered decision signed at the last level');
        check(context.externalDecision === null, 'no external decision for an internal award');
      }
      check(context.rejection === null && context.withdrawal === null, 'an award is neither rejected nor withdrawn');
      check(statePath === 'revoked' ? context.revocation !== null && lastEvent === 'REVOKE' : context.revocation === null, 'revoked exactly when REVOKE came');
      break;
    }
    case 'rejected':
      check(context.rejection !== null && context.rejection.level === route[context.levelIndex], 'the rejection names the level it happened at');
      check(context.rejection?.step === REJECTION_STEP[lastEvent!], `the rejection names its step (${lastEvent})`);
      if (lastEvent === 'COUNCIL_REJECTED') {
        // A council gives no written reason: its recorded vote is the reason.
        const result = context.councilResults.at(-1);
        check(result?.approved === false && result.level === context.rejection?.level, 'the council’s vote recorded as the reason');
      } else {
        check((context.rejection?.reason ?? '') !== '', 'the rejection carries a reason');
      }
      break;
    case 'withdrawn':
      check(context.withdrawal !== null && lastEvent === 'WITHDRAW', 'withdrawn by WITHDRAW');
      check(context.councilResults.length === 0 && !eventTypes.some((type) => type.startsWith('COUNCIL_')), 'withdrawn only before any council result');
      check(context.levelIndex === 0 && context.signatures.length === 0, 'withdrawn only before leaving the first level');
      break;
  }
  return violations;
}

// ─── The tests ───────────────────────────────────────────────────────────────────────────────────────────────────

const EXPECTED_REFUSAL: Partial<Record<NominationEventType, string>> = {
  REQUEST_SUPPLEMENT: 'supplement-request-complete',
  APPRAISAL_REJECTED: 'reason-required',
  DECLINED: 'reason-required',
  COUNCIL_APPROVED: 'council-threshold',
  COUNCIL_REJECTED: 'council-threshold',
  SIGN: 'signature-numbered',
  RECORD_EXTERNAL_DECISION: 'external-document-identified',
  RECORD_EXTERNAL_REJECTION: 'external-document-identified',
  REVOKE: 'revocation-justified',
};

const persistedText = (workflow: NominationWorkflow, snapshot: NominationSnapshot) => JSON.stringify(workflow.persist(snapshot));

describe.each(ruleSet.forms.map((form) => [form.code, form] as const))('the machine of %s', (_code, form) => {
  const workflow = workflowFor(form, ruleSet);
  const graph = machineGraph(workflow.machine);

  describe.each(form.entryLevels)('entered at %s', (entryLevel) => {
    const expected = reachableFrom(form, graph, entryLevel);

    it('starts where workflow.start starts', () => {
      const { paths, input } = traverse(form, entryLevel);
      const initial = paths.find((path) => path.events.length === 0)!;
      expect(initial).toBeDefined();
      expect(initial.final.value).toEqual(workflow.start(input).value);
      expect(initial.final.context).toEqual(workflow.start(input).context);
    });

    it(`reaches all ${expected.states.length} states and takes all ${expected.edges.length} transitions of its route`, () => {
      const covered = coverage(form, entryLevel);
      expect([...covered.states].sort()).toEqual([...expected.states].sort());
      expect([...covered.edges].sort()).toEqual([...expected.edges].sort());
    });

    it('replays every generated path through workflow.step to the same state and context', () => {
      const { workflow: wf, input, paths } = traverse(form, entryLevel);
      const replay = (path: GeneratedPath) =>
        path.events.reduce((snapshot, event) => {
          const result = wf.step(snapshot, event);
          if (result.outcome !== 'accepted') throw new Error(`${describePath(wf, path)}: ${event.type} ${JSON.stringify(result)}`);
          return result.snapshot;
        }, wf.start(input));
      const generated = paths.map((path) => ({ path: describePath(wf, path), state: wf.statePath(path.final), context: path.final.context }));
      const replayed = paths.map((path) => {
        const snapshot = replay(path);
        return { path: describePath(wf, path), state: wf.statePath(snapshot), context: snapshot.context };
      });
      expect(replayed).toEqual(generated);
      // NominationWorkflow.replay, which the service uses to check a stored snapshot, agrees.
      expect(paths.map((path) => wf.persist(wf.replay(input, path.events)))).toEqual(paths.map((path) => wf.persist(path.final)));
    });

    it('restores every reached state from persist → JSON → restore, and the restored snapshot steps on the same', () => {
      const { workflow: wf, paths } = traverse(form, entryLevel);
      const roundTrip = (snapshot: NominationSnapshot) => wf.restore(JSON.parse(JSON.stringify(wf.persist(snapshot))));
      const original = paths.map((path) => ({
        path: describePath(wf, path),
        state: wf.statePath(path.final),
        context: path.final.context,
        accepts: wf.acceptedEventTypes(path.final),
      }));
      const restored = paths.map((path) => {
        const snapshot = roundTrip(path.final);
        return { path: describePath(wf, path), state: wf.statePath(snapshot), context: snapshot.context, accepts: wf.acceptedEventTypes(snapshot) };
      });
      expect(restored).toEqual(original);

      // The state before each path's last event, restored, takes that event to the same place.
      const continued = paths
        .filter((path) => path.events.length > 0)
        .map((path) => {
          const result = wf.step(roundTrip(path.states.at(-2)!), path.events.at(-1)!);
          return result.outcome === 'accepted' ? { state: wf.statePath(result.snapshot), context: result.snapshot.context } : result;
        });
      expect(continued).toEqual(
        paths.filter((path) => path.events.length > 0).map((path) => ({ state: wf.statePath(path.final), context: path.final.context })),
      );
    });

    it('gives every reached state its domain meaning', () => {
      const { workflow: wf, input, paths } = traverse(form, entryLevel);
      const violations = paths.flatMap((path) => meaningViolations(wf, input, path).map((violation) => `${describePath(wf, path)}: ${violation}`));
      expect(violations).toEqual([]);
    });

    it('asks each event of someone in this deployment: the unit, or an office of a level on the route', () => {
      const { workflow: wf, paths } = traverse(form, entryLevel);
      const outside = paths.flatMap((path) =>
        path.events.flatMap((event, i) => {
          const { context } = path.states[i];
          const who = actorRequirement(event.type, context, EXTERNAL_LEVELS);
          const inside = who.at === 'owner' || (who.levelIndex >= 0 && who.levelIndex <= context.levelIndex && !EXTERNAL_LEVELS.includes(context.route[who.levelIndex]));
          return inside ? [] : [`${describePath(wf, path)}: ${event.type} → ${JSON.stringify(who)}`];
        }),
      );
      expect(outside).toEqual([]);
    });

    it('answers not-allowed to every event a reached state has no transition for, and changes nothing', () => {
      const traversal = traverse(form, entryLevel);
      const { workflow: wf } = traversal;
      for (const snapshot of statesReached(traversal)) {
        const statePath = wf.statePath(snapshot);
        const own = diagramEventsOf(graph, statePath);
        expect({ statePath, accepts: [...wf.acceptedEventTypes(snapshot)].sort() }).toEqual({ statePath, accepts: [...own].sort() });
        const before = persistedText(wf, snapshot);
        for (const type of NOMINATION_EVENT_TYPES.filter((candidate) => !own.includes(candidate))) {
          const result = wf.step(snapshot, validEventFor(type, scopeOf(wf), levelOf(snapshot)));
          expect({ type, result }).toEqual({ type, result: { outcome: 'not-allowed', state: statePath } });
        }
        expect(persistedText(wf, snapshot)).toBe(before);
      }
    });

    it('refuses payloads the guards reject, leaving the snapshot unchanged, and the machine’s guards agree', () => {
      const traversal = traverse(form, entryLevel);
      const { workflow: wf } = traversal;
      let refusals = 0;
      for (const snapshot of statesReached(traversal)) {
        const statePath = wf.statePath(snapshot);
        const before = persistedText(wf, snapshot);
        const payloads = wf
          .acceptedEventTypes(snapshot)
          .flatMap((type) => {
            const refused = refusedEventFor(type, scopeOf(wf), levelOf(snapshot));
            const inquorate = type.startsWith('COUNCIL_') ? [{ ...validEventFor(type, scopeOf(wf), levelOf(snapshot)), counts: inquorateCounts(ruleSet.quorum) }] : [];
            return [...(refused ? [{ event: refused, rule: EXPECTED_REFUSAL[type]! }] : []), ...inquorate.map((event) => ({ event: event as NominationEvent, rule: 'council-quorum' }))];
          });
        for (const { event, rule } of payloads) {
          const result = wf.step(snapshot, event);
          expect({ statePath, type: event.type, result }).toMatchObject({ statePath, type: event.type, result: { outcome: 'refused', refusal: { rule } } });
          const [next] = transition(wf.machine, snapshot as AnyMachineSnapshot, event);
          expect({ statePath, type: event.type, machine: wf.statePath(next as NominationSnapshot), context: next.context }).toEqual({
            statePath,
            type: event.type,
            machine: statePath,
            context: snapshot.context,
          });
          refusals += 1;
        }
        expect(persistedText(wf, snapshot)).toBe(before);
      }
      expect(refusals).toBeGreaterThan(0);
    });

    it('runs NominationWorkflow as the system under test along the test model’s paths', async () => {
      const { workflow: wf, input } = traverse(form, entryLevel);
      const model = createTestModel(wf.machine, { input, events: (snapshot) => validEventsIn(wf, snapshot as NominationSnapshot) });
      const paths = model.getShortestPaths();
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        let sut = wf.start(input);
        await path.test({
          events: Object.fromEntries(
            NOMINATION_EVENT_TYPES.map((type) => [
              type,
              ({ event }: { event: { type: string } }) => {
                // The model also walks the loops where a guard refuses (a second supplement request at a level):
                // the workflow must refuse them too, which the state check after each step verifies.
                const result = wf.step(sut, event as NominationEvent);
                if (result.outcome === 'not-allowed') throw new Error(`${type} not allowed in ${result.state}`);
                if (result.outcome === 'accepted') sut = result.snapshot;
              },
            ]),
          ),
          states: {
            '*': (state) => {
              expect(wf.statePath(sut)).toBe(wf.statePath(state as NominationSnapshot));
              expect(sut.context).toEqual((state as NominationSnapshot).context);
            },
          },
        });
      }
    });
  });

  if (form.entryLevels.length < 2) {
    const missing = (['commune', 'agency'] as const).filter((level) => !form.entryLevels.includes(level));
    it.each(missing)('does not let a nomination entering at %s, which is not on its route, be submitted', (entryLevel) => {
      const draft = workflow.start({ formCode: form.code, entryLevel });
      expect(workflow.step(draft, validEventFor('SUBMIT', scopeOf(workflow), entryLevel))).toEqual({ outcome: 'not-allowed', state: 'draft' });
    });
  }

  it('is covered state by state and transition by transition across its entry levels', () => {
    const covered = form.entryLevels.map((entryLevel) => coverage(form, entryLevel));
    const states = new Set(covered.flatMap((c) => [...c.states]));
    const edges = new Set(covered.flatMap((c) => [...c.edges]));
    expect([...states].sort()).toEqual(graph.states.map((state) => state.path).sort());
    expect([...edges].sort()).toEqual(graph.edges.map(edgeKey).sort());
  });

  it('draws one Mermaid line per transition of its diagram, and every state', () => {
    const text = toMermaid(workflow.machine, form.name);
    const mermaidId = (path: string) => path.replace(/\./g, '_');
    const edgeLines = text
      .split('\n')
      .map((line) => /^\s*(\S+) --> (\S+): (\w+)(?: \[(.+)\])?$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null && match[1] !== '[*]' && match[2] !== '[*]')
      .map(([, from, to, event, guard]) => `${from} —${event}→ ${to} [${guard ?? ''}]`);
    expect(edgeLines).toHaveLength(graph.edges.length);
    expect(edgeLines.sort()).toEqual(
      graph.edges.map((edge) => `${mermaidId(edge.from)} —${edge.event}→ ${mermaidId(edge.to)} [${edge.guard ?? ''}]`).sort(),
    );
    for (const state of graph.states) expect(text).toMatch(new RegExp(`(state "[^"]+" as|state) ${mermaidId(state.path)}\\b`));
    expect(text.startsWith(`---\ntitle: ${form.name}\n---\nstateDiagram-v2\n`)).toBe(true);
  });

  it('has a Vietnamese label for every state', () => {
    for (const state of graph.states.filter((candidate) => !candidate.compound)) {
      expect(STEP_LABELS[state.key]).toBeDefined();
      expect(statusLabel(state.path)).not.toContain(state.key);
    }
  });
});
