import type { Level } from '../catalog/types';
import { statusLabel, STEP_LABELS } from '../nomination/status-labels';
import { levelHeading } from './labels';
import { levelOfState } from './outcomes';

/** The dashboard's groups of states: the draft, each level of the route in route order, then what is finished. */
export const STATE_GROUPS = ['draft', 'commune', 'agency', 'province', 'central', 'finished'] as const;
export type StateGroup = (typeof STATE_GROUPS)[number];

export function stateGroupOf(state: string): StateGroup {
  if (state === 'draft') return 'draft';
  return (levelOfState(state) as Level | null) ?? 'finished';
}

export function stateGroupLabel(group: StateGroup): string {
  if (group === 'draft') return STEP_LABELS.draft;
  if (group === 'finished') return 'Đã kết thúc';
  return levelHeading(group);
}

const STEP_ORDER = Object.keys(STEP_LABELS);
const stepRank = (state: string) => STEP_ORDER.indexOf(state.split('.').at(-1)!);

/** Draft first, then each level's steps in the order of the route, then the final states. */
export function compareStates(a: string, b: string): number {
  return STATE_GROUPS.indexOf(stateGroupOf(a)) - STATE_GROUPS.indexOf(stateGroupOf(b)) || stepRank(a) - stepRank(b) || a.localeCompare(b);
}

/** Counts by state, each with its label and group, and the totals of each group in the order of the route. */
export function statesByGroup(rows: ReadonlyArray<{ state: string; count: number }>) {
  const byState = rows
    .map((row) => ({ state: row.state, label: statusLabel(row.state), group: stateGroupOf(row.state), count: row.count }))
    .sort((a, b) => compareStates(a.state, b.state));
  const byGroup = STATE_GROUPS.map((group) => ({
    group,
    label: stateGroupLabel(group),
    count: byState.filter((row) => row.group === group).reduce((sum, row) => sum + row.count, 0),
  })).filter((group) => group.count > 0);
  return { byState, byGroup };
}

/** Whole days from `dueDate` to `today` (both `YYYY-MM-DD`): how late a dossier is, or (negative) how long is left. */
export function daysLate(dueDate: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
}
