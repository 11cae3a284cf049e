import type { DataSource } from 'typeorm';
import type { RegisteredRoute } from '../../support/routes';

interface TableRows {
  table: string;
  rows: Array<Record<string, unknown>>;
}

/**
 * Real identifiers for the path parameters of any route, found from the route itself: the segment before a
 * parameter names its table (`council-sessions/:id` → `council_sessions`, `documents/:documentId` →
 * `dossier_documents`, any table named so or ending so), and a nested parameter's row is picked first so that the
 * parent's value is the one that row points to (`nominations/:id/documents/:documentId`: the document's nomination).
 * A parameter no table matches gets what `special` says, or nothing (the caller sends something else).
 */
export async function resourceIds(dataSource: DataSource, special: Record<string, string[]> = {}, keep: (table: string, row: Record<string, unknown>) => boolean = () => true) {
  const tables = new Map<string, TableRows>();
  for (const meta of dataSource.entityMetadatas) {
    const primary = meta.primaryColumns;
    if (primary.length !== 1 || primary[0].databaseName !== 'id' || tables.has(meta.tableName)) continue;
    const rows = (await dataSource.query(`SELECT * FROM "${meta.tableName}" ORDER BY "id" LIMIT 40`)) as Array<Record<string, unknown>>;
    tables.set(meta.tableName, { table: meta.tableName, rows: rows.filter((row) => keep(meta.tableName, row)) });
  }

  function tablesFor(segment: string): TableRows[] {
    const name = segment.replace(/-/g, '_');
    const exact = tables.get(name);
    if (exact) return [exact];
    return [...tables.values()].filter((entry) => entry.table.endsWith(`_${name}`));
  }

  /** The segment before each parameter of the route. */
  function segmentsOf(route: Pick<RegisteredRoute, 'path'>): Array<{ param: string; segment: string }> {
    const parts = route.path.split('/');
    return parts.flatMap((part, index) => (part.startsWith(':') ? [{ param: part.slice(1), segment: parts[index - 1] ?? '' }] : []));
  }

  /** One coherent set of real values for the route's parameters (the `pick`-th candidate), or null if one has none. */
  function fill(route: Pick<RegisteredRoute, 'path'>, pick: number): Record<string, string> | null {
    const params = segmentsOf(route);
    const values: Record<string, string> = {};
    for (let index = params.length - 1; index >= 0; index--) {
      const { param, segment } = params[index];
      if (values[param]) continue;
      if (special[param]?.length) {
        values[param] = special[param][pick % special[param].length];
        continue;
      }
      const candidates = tablesFor(segment).flatMap((entry) => entry.rows);
      if (!candidates.length) return null;
      const row = candidates[pick % candidates.length];
      values[param] = String(row.id);
      // The parent parameter (earlier in the path) takes the value this row points to, when it points to one.
      for (const parent of params.slice(0, index)) {
        const parentIds = new Set(tablesFor(parent.segment).flatMap((entry) => entry.rows.map((candidate) => String(candidate.id))));
        const pointer = Object.entries(row).find(([column, value]) => column.endsWith('_id') && parentIds.has(String(value)));
        if (pointer && !values[parent.param]) values[parent.param] = String(pointer[1]);
      }
    }
    return values;
  }

  /** Every id of a table named by a route segment (for checks that a body never shows them). */
  function idsOf(segment: string): string[] {
    return tablesFor(segment).flatMap((entry) => entry.rows.map((row) => String(row.id)));
  }

  return { fill, idsOf, tables: () => [...tables.keys()] };
}
