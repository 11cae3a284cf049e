import type { CampaignCriterion, ExtractedField, NomineeCategory } from '../campaign-types';
import { findSections, numberingOf, sectionLines, type PlanDocument } from './document';
import { found, notFound } from './fields';
import { foldKey, type PlanLine } from './text';

/**
 * Criteria per nominee category, read in the sections headed "Tiêu chí …" or "Tiêu chuẩn …": each block opened by
 * a label ("a) Đối với các cơ quan, đơn vị", "- Với doanh nhân", "Cá nhân: …") holds the lines up to the next label
 * or heading. A label inside another ("d) Đối với cá nhân" → "- Với doanh nhân") opens its own block.
 */

export type PlanCriterion = CampaignCriterion & { label?: string };

export function categoryOf(label: string): NomineeCategory | null {
  const key = ` ${foldKey(label)} `;
  if (/ ho gia dinh | gia dinh | ho dan | ho kinh doanh /.test(key)) return 'household';
  if (/ doanh nhan /.test(key)) return 'entrepreneur';
  if (/ doanh nghiep /.test(key)) return 'enterprise';
  if (/ (ca nhan|can bo|cong chuc|vien chuc|nguoi lao dong|hoc sinh|sinh vien|giao vien|nha giao|chien si|doan vien|hoi vien|nguoi) /.test(key)) {
    return 'individual';
  }
  if (/ (tap the|co quan|don vi|to chuc|mat tran|doan the|htx|hop tac xa|ban nganh|thon|ban|truong|phong|so|dia phuong|xa|phuong|to dan pho|khu dan cu|khu pho) /.test(key)) {
    return 'collective';
  }
  if (/ doi tuong khac /.test(key)) return 'other';
  return null;
}

const LABEL = /^(?:(?:Đối với|Với)\s+([^:]{2,120}?)|(Tập thể|Cá nhân|Hộ gia đình|Doanh nghiệp|Doanh nhân)(?:\s+[^:]{0,60})?)\s*(?::\s*(.*))?$/u;

function withoutNumber(line: PlanLine): string {
  const numbering = numberingOf(line);
  return numbering ? numbering.text : line.text;
}

interface Opening {
  label: string;
  category: NomineeCategory;
  inline: string;
}

function opening(line: PlanLine): Opening | null {
  const text = withoutNumber(line);
  const m = LABEL.exec(text);
  if (!m) return null;
  const inline = m[3] ?? '';
  if (!m[3] && /[.;]$/u.test(text)) return null;
  const category = categoryOf(m[1] ?? m[2]);
  if (!category) return null;
  return { label: text.split(':')[0].trim(), category, inline: inline.trim() };
}

export function readCriteria(document: PlanDocument): ExtractedField<PlanCriterion[]> {
  const sections = findSections(document.sections, (key) => /(^|\s)(tieu chi|tieu chuan)(\s|$)/.test(key));
  const criteria: PlanCriterion[] = [];
  const sources: string[] = [];
  for (const section of sections) {
    let current: { criterion: PlanCriterion; lines: string[]; sources: string[] } | null = null;
    const flush = () => {
      if (current && current.lines.length > 0) {
        criteria.push({ ...current.criterion, text: current.lines.join('\n') });
        sources.push(...current.sources);
      }
      current = null;
    };
    for (const line of sectionLines(section).slice(1)) {
      const open = opening(line);
      if (open) {
        flush();
        current = {
          criterion: { nomineeCategory: open.category, text: '', label: open.label },
          lines: open.inline ? [open.inline] : [],
          sources: [line.text],
        };
        continue;
      }
      if (numberingOf(line) && !line.bullet) {
        flush();
        continue;
      }
      if (current) {
        (current as { lines: string[] }).lines.push(line.bullet ? `${line.bullet} ${line.text}` : line.text);
        (current as { sources: string[] }).sources.push(line.text);
      }
    }
    flush();
  }
  if (criteria.length === 0) return notFound('Kế hoạch không nêu tiêu chí, tiêu chuẩn theo đối tượng (tập thể, cá nhân…).');
  return found(criteria, sources);
}
