import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { CatalogError } from './catalog-error';
import { RuleSetRegistry } from './rule-set-registry';
import type { AwardForm, RuleSetFile } from './types';
import { validateRuleSet } from './validate-rule-set';

/** The repository's data/ folder, found from wherever this module was compiled to. */
export function findDataDirectory(start = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'data', 'rule-sets'))) return join(dir, 'data');
    if (dirname(dir) === dir) throw new Error(`Không tìm thấy thư mục data/rule-sets từ ${start}`);
  }
}

type FormOverride = Partial<AwardForm> & { code: string };

function mergeForms(base: AwardForm[], overrides: FormOverride[] = []): AwardForm[] {
  const merged = base.map((form) => structuredClone(form));
  for (const override of overrides) {
    const index = merged.findIndex((form) => form.code === override.code);
    if (index < 0) {
      merged.push(override as AwardForm);
      continue;
    }
    const current = merged[index];
    merged[index] = { ...current, ...override, levels: { ...current.levels, ...override.levels } };
  }
  return merged;
}

function readJson(file: string, shownAs: string): RuleSetFile {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as RuleSetFile;
  } catch (error) {
    throw new CatalogError(shownAs, '(tệp)', '', `không đọc được JSON: ${(error as Error).message}`);
  }
}

/**
 * Reads every rule set in `<dataDir>/rule-sets`, resolves `extends` (a province's set overriding the national one
 * form by form) and validates each result. The first bad entry stops loading with a CatalogError.
 */
export function loadRuleSets(dataDir = findDataDirectory()): RuleSetRegistry {
  const dir = join(dataDir, 'rule-sets');
  const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  const raw = new Map<string, { file: string; content: RuleSetFile }>();
  for (const name of files) {
    const shownAs = relative(dirname(dataDir), join(dir, name)) || basename(name);
    const content = readJson(join(dir, name), shownAs);
    const id = typeof content.id === 'string' ? content.id : `(${name})`;
    if (raw.has(id)) throw new CatalogError(shownAs, `bộ quy định "${id}"`, 'id', `trùng với tệp ${raw.get(id)!.file}`);
    raw.set(id, { file: shownAs, content });
  }

  const resolved = new Map<string, unknown>();
  const resolve = (id: string, chain: string[]): unknown => {
    if (resolved.has(id)) return resolved.get(id);
    const { file, content } = raw.get(id)!;
    let value: unknown = content;
    if (content.extends !== undefined) {
      if (!raw.has(content.extends)) {
        throw new CatalogError(file, `bộ quy định "${id}"`, 'extends', `không có bộ quy định "${content.extends}"`);
      }
      if (chain.includes(content.extends)) {
        throw new CatalogError(file, `bộ quy định "${id}"`, 'extends', `kế thừa vòng tròn: ${[...chain, content.extends].join(' → ')}`);
      }
      const base = resolve(content.extends, [...chain, content.extends]) as Record<string, unknown>;
      const { extends: _parent, forms, ...own } = content;
      value = { ...base, ...own, forms: mergeForms(base.forms as AwardForm[], forms) };
    }
    resolved.set(id, validateRuleSet(file, value));
    return resolved.get(id);
  };

  return new RuleSetRegistry([...raw.keys()].map((id) => resolve(id, [id])) as ReturnType<typeof validateRuleSet>[]);
}
