import { LEVEL_LABELS, vietnamDate, type RuleSet } from '../../workflows';
import { formatVietnameseDate, NOMINATION_COLUMNS, NOMINEE_CATEGORIES, NOMINEE_KIND_NAMES, NOMINEE_KIND_WORDS } from '../../workflows/spreadsheets';
import type { NominationView } from '../nominations/nomination-view';
import type { OrganizationEntity } from '../organizations/organization.entity';
import { sheetDate, type SheetSpec } from './workbook';

export const LIST_SHEET_NAME = 'Danh sách đề nghị';

const ORGANIZATION_KIND_NAMES: Record<string, string> = {
  unit: 'Đơn vị',
  commune: 'Xã, phường',
  agency: 'Cơ quan cấp tỉnh',
  province: 'Tỉnh',
  central: 'Trung ương',
};

/**
 * The import template: the list to fill in (headings only, a note on each), the forms of the rule set in force with
 * their criteria, the nominee kinds and categories, and the organizations the caller may import for.
 */
export function importTemplateSheets(ruleSet: RuleSet, organizations: OrganizationEntity[]): SheetSpec[] {
  const sheets: SheetSpec[] = [
    {
      name: LIST_SHEET_NAME,
      columns: NOMINATION_COLUMNS.map((column) => ({
        key: column.key,
        header: column.heading,
        width: column.width,
        note: column.note,
        ...(column.key === 'nomineeKind' ? { choices: Object.values(NOMINEE_KIND_NAMES) } : {}),
        ...(column.key === 'dateOfBirth' ? { format: 'dd/mm/yyyy' } : {}),
      })),
      rows: [],
    },
    {
      name: 'Hình thức khen thưởng',
      title: [`DANH MỤC HÌNH THỨC, DANH HIỆU KHEN THƯỞNG — ${ruleSet.name}`, `Áp dụng từ ${formatVietnameseDate(ruleSet.effectiveFrom)}`],
      columns: [
        { key: 'code', header: 'Mã', width: 34 },
        { key: 'name', header: 'Tên hình thức, danh hiệu', width: 44 },
        { key: 'category', header: 'Loại', width: 20 },
        { key: 'kinds', header: 'Đối tượng', width: 30 },
        { key: 'entry', header: 'Đề nghị từ', width: 22 },
        { key: 'criteria', header: 'Tiêu chuẩn (tên — mã)', width: 90, wrap: true },
      ],
      rows: ruleSet.forms.map((form) => ({
        code: form.code,
        name: form.name,
        category: form.category === 'title' ? 'Danh hiệu thi đua' : 'Hình thức khen thưởng',
        kinds: form.nomineeKinds.map((kind) => NOMINEE_KIND_NAMES[kind]).join(', '),
        entry: form.entryLevels.map((level) => LEVEL_LABELS[level]).join(', '),
        criteria: form.eligibility.alternatives
          .map((alternative) => `${alternative.name} — ${alternative.code} (${alternative.nomineeKinds.map((kind) => NOMINEE_KIND_NAMES[kind].toLowerCase()).join(', ')})`)
          .join('\n'),
      })),
    },
    {
      name: 'Loại đối tượng',
      columns: [
        { key: 'kind', header: 'Loại đối tượng', width: 18 },
        { key: 'words', header: 'Cũng được ghi là', width: 30 },
        { key: 'category', header: 'Phân loại đối tượng', width: 32 },
        { key: 'code', header: 'Mã phân loại', width: 16 },
      ],
      rows: (Object.keys(NOMINEE_KIND_NAMES) as Array<keyof typeof NOMINEE_KIND_NAMES>).flatMap((kind) => {
        const categories = NOMINEE_CATEGORIES.filter((category) => category.kind === kind);
        const words = NOMINEE_KIND_WORDS[kind].slice(1).join(', ');
        if (!categories.length) return [{ kind: NOMINEE_KIND_NAMES[kind], words }];
        return categories.map((category, index) => ({ kind: NOMINEE_KIND_NAMES[kind], words: index ? '' : words, category: category.name, code: category.code }));
      }),
    },
  ];
  if (organizations.length) {
    sheets.push({
      name: 'Đơn vị',
      title: ['Các tổ chức được nhập danh sách (ghi đúng tên vào cột "Đơn vị")'],
      columns: [
        { key: 'name', header: 'Tên đơn vị', width: 48 },
        { key: 'kind', header: 'Loại tổ chức', width: 18 },
      ],
      rows: organizations.map((organization) => ({ name: organization.name, kind: ORGANIZATION_KIND_NAMES[organization.kind] ?? organization.kind })),
    });
  }
  return sheets;
}

const KIND_NAMES: Record<string, string> = NOMINEE_KIND_NAMES;

/** The list as an office files it: one row per nomination, the current step, who holds it and by when. */
export function nominationListSheets(items: NominationView[], total: number, caller: { fullName: string; organizationName: string | null }, now: Date): SheetSpec[] {
  const title = [
    'DANH SÁCH HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG',
    `Xuất ngày ${formatVietnameseDate(vietnamDate(now))}: ${caller.fullName}${caller.organizationName ? ` (${caller.organizationName})` : ''}`,
    items.length < total ? `${items.length} hồ sơ đầu tiên trong ${total} hồ sơ khớp điều kiện lọc; lọc hẹp hơn để xuất phần còn lại` : `Số hồ sơ: ${total}`,
  ];
  return [
    {
      name: 'Danh sách hồ sơ',
      title,
      columns: [
        { key: 'index', header: 'STT', width: 6 },
        { key: 'form', header: 'Hình thức', width: 34 },
        { key: 'nominee', header: 'Đối tượng', width: 30 },
        { key: 'kind', header: 'Loại đối tượng', width: 14 },
        { key: 'organization', header: 'Đơn vị đề nghị', width: 32 },
        { key: 'awardYear', header: 'Năm xét', width: 9 },
        { key: 'status', header: 'Trạng thái', width: 34 },
        { key: 'level', header: 'Cấp', width: 14 },
        { key: 'holder', header: 'Đang xử lý tại', width: 30 },
        { key: 'dueDate', header: 'Hạn xử lý', width: 12, format: 'dd/mm/yyyy' },
        { key: 'overdue', header: 'Quá hạn', width: 9 },
        { key: 'submittedAt', header: 'Ngày nộp', width: 12, format: 'dd/mm/yyyy' },
        { key: 'createdAt', header: 'Ngày lập', width: 12, format: 'dd/mm/yyyy' },
        { key: 'id', header: 'Mã hồ sơ', width: 38 },
      ],
      rows: items.map((item, index) => ({
        index: index + 1,
        form: item.formName,
        nominee: (item.nominee.kind === 'individual' ? item.nominee.fullName : item.nominee.name) ?? '',
        kind: KIND_NAMES[item.nominee.kind] ?? item.nominee.kind,
        organization: item.organizationName,
        awardYear: item.awardYear,
        status: item.statusLabel,
        level: item.level ? LEVEL_LABELS[item.level as keyof typeof LEVEL_LABELS] : '',
        holder: item.holder ? [item.holder.organizationName, item.holder.office].filter(Boolean).join(' — ') : '',
        dueDate: sheetDate(item.deadlines.current?.dueDate),
        overdue: item.deadlines.current ? (item.deadlines.current.overdue ? 'Có' : 'Không') : '',
        submittedAt: sheetDate(item.submittedAt ? vietnamDate(item.submittedAt) : null),
        createdAt: sheetDate(vietnamDate(item.createdAt)),
        id: item.id,
      })),
    },
  ];
}
