/**
 * What nomination counts can be grouped by (GET /api/statistics/nominations?groupBy=…), with the heading each
 * dimension gets in a table. `year` is the year judged (năm xét khen thưởng), `month` the month of submission in
 * Vietnam time (`YYYY-MM`), `organization` the proposing unit, `review` the campaign's sơ kết or tổng kết.
 */
export const STATISTICS_DIMENSIONS = ['campaign', 'review', 'form', 'organization', 'state', 'year', 'month'] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

export const DIMENSION_HEADERS: Record<StatisticsDimension, string> = {
  campaign: 'Phong trào thi đua',
  review: 'Đợt xét',
  form: 'Hình thức, danh hiệu',
  organization: 'Đơn vị đề nghị',
  state: 'Trạng thái',
  year: 'Năm xét khen thưởng',
  month: 'Tháng gửi hồ sơ',
};

export type GroupByParse = { ok: true; dimensions: StatisticsDimension[] } | { ok: false; problems: string[] };

/** `"form,state"` → `['form', 'state']`, in the order given; an unknown or repeated name is a problem, named. */
export function parseGroupBy(text: string | undefined): GroupByParse {
  if (text === undefined || text.trim() === '') return { ok: true, dimensions: [] };
  const names = text.split(',').map((name) => name.trim());
  const problems: string[] = [];
  const dimensions: StatisticsDimension[] = [];
  for (const name of names) {
    if (!(STATISTICS_DIMENSIONS as readonly string[]).includes(name)) {
      problems.push(name ? `không có chiều thống kê "${name}"; chọn trong: ${STATISTICS_DIMENSIONS.join(', ')}` : 'có tên chiều thống kê để trống');
    } else if (dimensions.includes(name as StatisticsDimension)) {
      problems.push(`chiều "${name}" bị lặp lại`);
    } else {
      dimensions.push(name as StatisticsDimension);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, dimensions };
}
