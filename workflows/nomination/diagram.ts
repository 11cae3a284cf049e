import type { AnyStateMachine, StateNode } from 'xstate';
import { STEP_LABELS } from './status-labels';

type AnyNode = StateNode<any, any>;

export interface DiagramEdge {
  from: string;
  to: string;
  event: string;
  guard: string | null;
}

export interface DiagramGraph {
  /** Leaf and compound states by dotted path, with their parent path ('' at the top). */
  states: Array<{ path: string; parent: string; key: string; final: boolean; compound: boolean; initial: boolean }>;
  edges: DiagramEdge[];
}

function guardText(guard: unknown): string | null {
  if (!guard) return null;
  if (typeof guard === 'string') return guard;
  const { type, params } = guard as { type: string; params?: Record<string, unknown> };
  return params ? `${type}(${Object.values(params).join(', ')})` : type;
}

const pathOf = (node: AnyNode) => node.path.join('.');

/** The machine's states and transitions, read from the machine itself (never maintained by hand). */
export function machineGraph(machine: AnyStateMachine): DiagramGraph {
  const graph: DiagramGraph = { states: [], edges: [] };
  const visit = (node: AnyNode, parent: string) => {
    const children = Object.values(node.states) as AnyNode[];
    const initialKey = (node.parent?.config.initial as string | undefined) ?? machine.root.config.initial;
    graph.states.push({
      path: pathOf(node),
      parent,
      key: node.key,
      final: node.type === 'final',
      compound: children.length > 0,
      initial: node.key === initialKey,
    });
    for (const [event, definitions] of node.transitions) {
      for (const definition of definitions) {
        for (const target of definition.target ?? []) {
          graph.edges.push({ from: pathOf(node), to: pathOf(target as AnyNode), event, guard: guardText(definition.guard) });
        }
      }
    }
    children.forEach((child) => visit(child, pathOf(node)));
  };
  (Object.values(machine.root.states) as AnyNode[]).forEach((node) => visit(node, ''));
  return graph;
}

const mermaidId = (path: string) => path.replace(/\./g, '_');

/** Mermaid `stateDiagram-v2` text for one form's machine. */
export function toMermaid(machine: AnyStateMachine, title?: string): string {
  const graph = machineGraph(machine);
  const lines: string[] = [];
  if (title) lines.push('---', `title: ${title}`, '---');
  lines.push('stateDiagram-v2');
  const render = (parent: string, indent: string) => {
    for (const state of graph.states.filter((s) => s.parent === parent)) {
      const id = mermaidId(state.path);
      const label = STEP_LABELS[state.key] ?? state.key;
      if (state.compound) {
        lines.push(`${indent}state ${id} {`);
        render(state.path, `${indent}  `);
        lines.push(`${indent}}`);
      } else {
        lines.push(`${indent}state "${label}" as ${id}`);
      }
      if (state.initial) lines.push(`${indent}[*] --> ${id}`);
      if (state.final) lines.push(`${indent}${id} --> [*]`);
    }
  };
  render('', '  ');
  for (const edge of graph.edges) {
    const label = edge.guard ? `${edge.event} [${edge.guard}]` : edge.event;
    lines.push(`  ${mermaidId(edge.from)} --> ${mermaidId(edge.to)}: ${label}`);
  }
  return `${lines.join('\n')}\n`;
}
