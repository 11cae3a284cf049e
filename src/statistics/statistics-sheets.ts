import { DIMENSION_HEADERS, NOMINEE_KIND_HEADINGS, OUTCOME_HEADERS, OUTCOMES, type StatisticsDimension, type Tally } from '../../workflows';
import type { SheetColumn, SheetSpec } from '../spreadsheets/workbook';
import type { StatisticsService } from './statistics.service';

type Result<K extends keyof StatisticsService> = Awaited<ReturnType<StatisticsService[K]>>;

export const TOTAL_LABEL = 'Tổng cộng';

/** "Ngày lập: 01/12/2026". */
function madeOn(date: string): string {
  const [year, month, day] = date.split('-');
  return `Ngày lập: ${day}/${month}/${year}`;
}

const TALLY_COLUMNS: SheetColumn[] = [
  { key: 'proposed', header: OUTCOME_HEADERS.proposed, width: 10 },
  ...OUTCOMES.map((outcome) => ({ key: outcome, header: OUTCOME_HEADERS[outcome], width: 14 })),
];

const KIND_COLUMNS: SheetColumn[] = (['collective', 'individual', 'household'] as const).flatMap((kind) => [
  { key: `${kind}Proposed`, header: `${NOMINEE_KIND_HEADINGS[kind]} đề nghị`, width: 12 },
  { key: `${kind}Awarded`, header: `${NOMINEE_KIND_HEADINGS[kind]} được khen thưởng`, width: 14 },
]);

function tallyCells(tally: Tally): Record<string, number> {
  return { proposed: tally.proposed, ...Object.fromEntries(OUTCOMES.map((outcome) => [outcome, tally[outcome]])) };
}

function kindCells(split: { byKind: Record<'collective' | 'individual' | 'household', Tally> }): Record<string, number> {
  return Object.fromEntries(
    (['collective', 'individual', 'household'] as const).flatMap((kind) => [
      [`${kind}Proposed`, split.byKind[kind].proposed],
      [`${kind}Awarded`, split.byKind[kind].awarded],
    ]),
  );
}

function simpleSheet(name: string, header: string, rows: Array<{ label: string; count: number }>, title: string[]): SheetSpec {
  return {
    name,
    title,
    columns: [
      { key: 'label', header, width: 50 },
      { key: 'count', header: 'Số hồ sơ', width: 12 },
    ],
    rows: [...rows.map((row) => ({ label: row.label, count: row.count })), { label: TOTAL_LABEL, count: rows.reduce((sum, row) => sum + row.count, 0) }],
  };
}

export function nominationStatisticsSheets(result: Result<'nominations'>, today: string): SheetSpec[] {
  const dimensions = result.groupBy as StatisticsDimension[];
  const filters = Object.entries(result.filters).map(([name, value]) => `${name} = ${value}`);
  const title = ['THỐNG KÊ HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG', ...(filters.length ? [`Điều kiện: ${filters.join('; ')}`] : []), madeOn(today)];
  const first = dimensions[0];
  return [
    {
      name: 'Thống kê',
      title,
      columns: [
        ...(dimensions.length ? dimensions : (['label'] as const)).map((dimension) => ({
          key: dimension,
          header: dimension === 'label' ? 'Nội dung' : DIMENSION_HEADERS[dimension],
          width: dimension === 'year' || dimension === 'month' || dimension === 'review' ? 16 : 40,
        })),
        { key: 'count', header: 'Số hồ sơ', width: 12 },
      ],
      rows: [
        ...result.rows.map((row) => ({ ...row.labels, count: row.count })),
        { [first ?? 'label']: TOTAL_LABEL, count: result.total },
      ],
    },
  ];
}

export function dashboardSheets(result: Result<'dashboard'>): SheetSpec[] {
  const title = ['TÌNH HÌNH XỬ LÝ HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG', madeOn(result.generatedOn)];
  const deadlineSheet = (name: string, items: typeof result.overdue.items, lateHeader: string): SheetSpec => ({
    name,
    title,
    columns: [
      { key: 'index', header: 'STT', width: 6 },
      { key: 'nomineeName', header: 'Đối tượng', width: 32 },
      { key: 'formName', header: 'Hình thức, danh hiệu', width: 36 },
      { key: 'organizationName', header: 'Đơn vị đề nghị', width: 32 },
      { key: 'statusLabel', header: 'Bước hiện tại', width: 36 },
      { key: 'dueDate', header: 'Hạn xử lý', width: 12 },
      { key: 'days', header: lateHeader, width: 14 },
    ],
    rows: items.map((item, index) => ({ ...item, index: index + 1, days: Math.abs(item.daysOverdue) })),
  });
  return [
    {
      name: 'Theo trạng thái',
      title,
      columns: [
        { key: 'group', header: 'Cấp, nhóm', width: 20 },
        { key: 'label', header: 'Trạng thái', width: 50 },
        { key: 'count', header: 'Số hồ sơ', width: 12 },
      ],
      rows: [
        ...result.byState.map((row) => ({ group: result.byStateGroup.find((group) => group.group === row.group)?.label ?? row.group, label: row.label, count: row.count })),
        { group: TOTAL_LABEL, count: result.total },
      ],
    },
    simpleSheet('Theo hình thức', 'Hình thức, danh hiệu', result.byForm, title),
    simpleSheet('Theo đơn vị', 'Đơn vị đề nghị', result.byOrganization, title),
    simpleSheet('Theo tháng', 'Tháng gửi hồ sơ', result.byMonth, title),
    deadlineSheet(`Quá hạn (${result.overdue.count})`, result.overdue.items, 'Số ngày quá hạn'),
    deadlineSheet(`Sắp đến hạn (${result.dueSoon.count})`, result.dueSoon.items, 'Số ngày còn lại'),
  ];
}

export function organizationYearSheets(result: Result<'organizationYear'>, today: string): SheetSpec[] {
  const title = [`SỐ LIỆU KHEN THƯỞNG NĂM ${result.year}`, result.organization.name, madeOn(today)];
  return [
    {
      name: 'Theo hình thức',
      title,
      columns: [
        { key: 'index', header: 'STT', width: 6 },
        { key: 'formName', header: 'Hình thức, danh hiệu', width: 40 },
        { key: 'categoryLabel', header: 'Loại', width: 22 },
        { key: 'grantingLevelLabel', header: 'Cấp khen thưởng', width: 16 },
        ...TALLY_COLUMNS,
        ...KIND_COLUMNS,
        { key: 'directWorkersProposed', header: 'Người lao động trực tiếp đề nghị', width: 16 },
        { key: 'directWorkersAwarded', header: 'Người lao động trực tiếp được khen thưởng', width: 18 },
      ],
      rows: [
        ...result.byForm.map((row, index) => ({
          index: index + 1,
          formName: row.formName,
          categoryLabel: row.categoryLabel,
          grantingLevelLabel: row.grantingLevelLabel,
          ...tallyCells(row),
          ...kindCells(row),
          directWorkersProposed: row.directWorkers.proposed,
          directWorkersAwarded: row.directWorkers.awarded,
        })),
        {
          formName: TOTAL_LABEL,
          ...tallyCells(result.totals),
          ...kindCells(result.totals),
          directWorkersProposed: result.directWorkers.proposed,
          directWorkersAwarded: result.directWorkers.awarded,
        },
      ],
    },
    {
      name: 'Theo cấp khen thưởng',
      title,
      columns: [{ key: 'label', header: 'Cấp khen thưởng', width: 22 }, ...TALLY_COLUMNS],
      rows: [...result.byGrantingLevel.map((row) => ({ label: row.label, ...tallyCells(row) })), { label: TOTAL_LABEL, ...tallyCells(result.totals) }],
    },
    {
      name: 'Theo đối tượng',
      title,
      columns: [{ key: 'label', header: 'Đối tượng', width: 22 }, ...TALLY_COLUMNS],
      rows: [
        ...result.byNomineeKind.map((row) => ({ label: row.label, ...tallyCells(row) })),
        { label: 'Trong đó: người lao động trực tiếp', ...tallyCells(result.directWorkers) },
        { label: TOTAL_LABEL, ...tallyCells(result.totals) },
      ],
    },
  ];
}

export function campaignSummarySheets(result: Result<'campaignSummary'>, today: string): SheetSpec[] {
  const heading = result.review === 'midterm' ? 'SƠ KẾT' : result.review === 'final' ? 'TỔNG KẾT' : 'SƠ KẾT, TỔNG KẾT';
  const title = [`${heading} KHEN THƯỞNG PHONG TRÀO THI ĐUA`, ...(result.campaign.title ? [result.campaign.title] : []), madeOn(today)];
  return [
    {
      name: 'Theo hình thức',
      title,
      columns: [{ key: 'index', header: 'STT', width: 6 }, { key: 'formName', header: 'Hình thức, danh hiệu', width: 40 }, ...TALLY_COLUMNS, ...KIND_COLUMNS],
      rows: [
        ...result.byForm.map((row, index) => ({ index: index + 1, formName: row.formName, ...tallyCells(row), ...kindCells(row) })),
        { formName: TOTAL_LABEL, ...tallyCells(result.totals), ...kindCells(result.totals) },
      ],
    },
    {
      name: 'Theo đơn vị',
      title,
      columns: [{ key: 'index', header: 'STT', width: 6 }, { key: 'organizationName', header: 'Đơn vị đề nghị', width: 40 }, ...TALLY_COLUMNS, ...KIND_COLUMNS],
      rows: [
        ...result.byOrganization.map((row, index) => ({ index: index + 1, organizationName: row.organizationName, ...tallyCells(row), ...kindCells(row) })),
        { organizationName: TOTAL_LABEL, ...tallyCells(result.totals), ...kindCells(result.totals) },
      ],
    },
    {
      name: 'Theo đối tượng',
      title,
      columns: [{ key: 'label', header: 'Đối tượng', width: 22 }, ...TALLY_COLUMNS],
      rows: [...result.byNomineeKind.map((row) => ({ label: row.label, ...tallyCells(row) })), { label: TOTAL_LABEL, ...tallyCells(result.totals) }],
    },
  ];
}
