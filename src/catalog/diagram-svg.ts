import type { AnyStateMachine } from 'xstate';
import { machineGraph, STEP_LABELS } from '../../workflows';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A plain SVG of the machine: one row per level, its steps left to right, transitions as labelled arrows. */
export function renderDiagramSvg(machine: AnyStateMachine, title: string): string {
  const graph = machineGraph(machine);
  const leaves = graph.states.filter((state) => !state.compound);
  const rows: string[][] = [];
  for (const top of graph.states.filter((state) => state.parent === '')) {
    if (top.compound) rows.push(leaves.filter((leaf) => leaf.parent === top.path).map((leaf) => leaf.path));
  }
  const finals = leaves.filter((leaf) => leaf.parent === '').map((leaf) => leaf.path);
  const layout = [['draft'], ...rows, finals.filter((path) => path !== 'draft')];
  const boxWidth = 240;
  const boxHeight = 44;
  const gapX = 50;
  const gapY = 130;
  const position = new Map<string, { x: number; y: number }>();
  layout.forEach((row, rowIndex) =>
    row.forEach((path, column) => position.set(path, { x: 20 + column * (boxWidth + gapX), y: 60 + rowIndex * (boxHeight + gapY) })),
  );
  const initialOf = (path: string) => graph.states.find((state) => state.parent === path && state.initial)?.path ?? path;
  const width = Math.max(...layout.map((row) => row.length)) * (boxWidth + gapX) + 40;
  const height = layout.length * (boxHeight + gapY) + 60;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    '<defs><marker id="arrow" markerWidth="8" markerHeight="8" refX="8" refY="4" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#555"/></marker></defs>',
    `<text x="20" y="30" font-size="16" font-weight="bold">${escape(title)}</text>`,
  ];
  const labels: string[] = [];
  graph.edges.forEach((edge, index) => {
    const from = position.get(edge.from);
    const to = position.get(initialOf(edge.to));
    if (!from || !to) return;
    const sameRow = from.y === to.y;
    // Steps of one level are linked by arcs above their row; moves between levels go from bottom to top.
    const x1 = from.x + boxWidth / 2 + (sameRow ? 20 : 0);
    const y1 = sameRow ? from.y : from.y + boxHeight;
    const x2 = to.x + boxWidth / 2 - (sameRow ? 20 : 0);
    const y2 = to.y;
    const lift = sameRow ? 30 + Math.abs(x2 - x1) / 8 : 0;
    const bend = sameRow ? 0 : ((index % 5) - 2) * 24;
    const cx = (x1 + x2) / 2 + bend;
    const cy = sameRow ? y1 - lift : (y1 + y2) / 2;
    const dashed = edge.event === 'WITHDRAW' ? ' stroke-dasharray="4 3"' : '';
    parts.push(`<path d="M${x1},${y1} Q${cx},${cy} ${x2},${y2}" fill="none" stroke="#777"${dashed} marker-end="url(#arrow)"/>`);
    const lx = (x1 + 2 * cx + x2) / 4;
    const ly = (y1 + 2 * cy + y2) / 4;
    const text = edge.event;
    labels.push(
      `<rect x="${lx - text.length * 3.4 - 3}" y="${ly - 10}" width="${text.length * 6.8 + 6}" height="14" fill="#fff" opacity="0.85"/>`,
      `<text x="${lx}" y="${ly}" fill="#1a4f8b" font-size="10" text-anchor="middle">${escape(text)}</text>`,
    );
  });
  parts.push(...labels);
  for (const [path, { x, y }] of position) {
    const key = path.split('.').pop()!;
    const final = graph.states.find((state) => state.path === path)?.final;
    parts.push(`<rect x="${x}" y="${y}" width="${boxWidth}" height="${boxHeight}" rx="10" fill="${final ? '#eee' : '#fff'}" stroke="#333"/>`);
    parts.push(`<text x="${x + boxWidth / 2}" y="${y + 18}" text-anchor="middle" font-weight="bold">${escape(STEP_LABELS[key] ?? key)}</text>`);
    parts.push(`<text x="${x + boxWidth / 2}" y="${y + 34}" text-anchor="middle" fill="#666">${escape(path)}</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}
