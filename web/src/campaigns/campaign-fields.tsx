import { Field } from '../components/common';

/** The campaign definition's fields (workflows/campaigns/campaign-types.ts) as a person reads and edits them. */
export type Scalar = 'text' | 'date';

export interface Column {
  key: string;
  label: string;
  kind?: 'text' | 'textarea' | 'date' | 'codes' | 'select';
  options?: Array<{ value: string; label: string }>;
}

export interface FieldSpec {
  key: string;
  label: string;
  kind: Scalar | 'period' | 'list';
  columns?: Column[];
}

const PERIOD_COLUMNS: Column[] = [
  { key: 'period.from', label: 'Từ ngày', kind: 'date' },
  { key: 'period.to', label: 'Đến ngày', kind: 'date' },
  { key: 'period.text', label: 'Lời văn của kế hoạch' },
];

export const NOMINEE_CATEGORY_OPTIONS = [
  { value: 'individual', label: 'Cá nhân' },
  { value: 'collective', label: 'Tập thể' },
  { value: 'household', label: 'Hộ gia đình' },
  { value: 'enterprise', label: 'Doanh nghiệp' },
  { value: 'entrepreneur', label: 'Doanh nhân' },
  { value: 'other', label: 'Khác' },
];

export const CAMPAIGN_FIELDS: FieldSpec[] = [
  { key: 'issuingOrganizationName', label: 'Cơ quan ban hành', kind: 'text' },
  { key: 'planNumber', label: 'Số kế hoạch', kind: 'text' },
  { key: 'planDate', label: 'Ngày ban hành', kind: 'date' },
  { key: 'title', label: 'Tên phong trào (trích yếu kế hoạch)', kind: 'text' },
  {
    key: 'legalBasis',
    label: 'Căn cứ',
    kind: 'list',
    columns: [
      { key: 'text', label: 'Văn bản', kind: 'textarea' },
      { key: 'documentNumber', label: 'Số, ký hiệu' },
      { key: 'date', label: 'Ngày', kind: 'date' },
    ],
  },
  { key: 'period', label: 'Thời gian thực hiện', kind: 'period' },
  { key: 'phases', label: 'Các giai đoạn', kind: 'list', columns: [{ key: 'name', label: 'Giai đoạn' }, ...PERIOD_COLUMNS] },
  {
    key: 'reviews',
    label: 'Sơ kết, tổng kết có khen thưởng',
    kind: 'list',
    columns: [
      { key: 'kind', label: 'Loại', kind: 'select', options: [{ value: 'midterm', label: 'Sơ kết' }, { value: 'final', label: 'Tổng kết' }] },
      ...PERIOD_COLUMNS,
      { key: 'allowedFormCodes', label: 'Mã hình thức khen thưởng (cách nhau bởi dấu phẩy)', kind: 'codes' },
    ],
  },
  {
    key: 'criteria',
    label: 'Tiêu chí, tiêu chuẩn',
    kind: 'list',
    columns: [
      { key: 'nomineeCategory', label: 'Đối tượng', kind: 'select', options: NOMINEE_CATEGORY_OPTIONS },
      { key: 'text', label: 'Nội dung', kind: 'textarea' },
    ],
  },
  {
    key: 'responsibleOffices',
    label: 'Tổ chức thực hiện',
    kind: 'list',
    columns: [
      { key: 'name', label: 'Cơ quan, đơn vị' },
      { key: 'duties', label: 'Nhiệm vụ', kind: 'textarea' },
    ],
  },
  {
    key: 'reportDuties',
    label: 'Chế độ báo cáo',
    kind: 'list',
    columns: [
      { key: 'reporters', label: 'Đơn vị báo cáo' },
      { key: 'recipient', label: 'Nơi nhận' },
      { key: 'dueMonthDay', label: 'Hạn hằng năm (MM-DD, ví dụ 11-10)' },
      { key: 'description', label: 'Lời văn của kế hoạch', kind: 'textarea' },
    ],
  },
];

type Row = Record<string, unknown>;

function read(row: Row, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Row)[key] : undefined), row);
}

function write(row: Row, path: string, value: unknown): Row {
  const [head, ...rest] = path.split('.');
  if (!rest.length) return { ...row, [head]: value };
  return { ...row, [head]: write(((row[head] as Row) ?? {}) as Row, rest.join('.'), value) };
}

/** A field's value as plain words (for the campaign page and the draft's preview). */
export function describeValue(spec: FieldSpec, value: unknown, formNames: Map<string, string> = new Map()): string[] {
  if (value === null || value === undefined || (Array.isArray(value) && !value.length) || value === '') return [];
  if (spec.kind === 'period') {
    const period = value as { from: string; to: string; text: string };
    return [`${period.text} (${period.from} → ${period.to})`];
  }
  if (spec.kind === 'list' && Array.isArray(value)) {
    return value.map((row) =>
      (spec.columns ?? [])
        .map((column) => {
          const cell = read(row as Row, column.key);
          if (cell === undefined || cell === null || cell === '') return null;
          if (column.kind === 'select') return column.options?.find((option) => option.value === cell)?.label ?? String(cell);
          if (column.kind === 'codes' && Array.isArray(cell)) return cell.map((code) => formNames.get(String(code)) ?? String(code)).join(', ');
          return Array.isArray(cell) ? cell.join(', ') : String(cell);
        })
        .filter(Boolean)
        .join(' · '),
    );
  }
  return [String(value)];
}

/** Edits one field of the definition: an input, a period, or a list of rows with add and remove. */
export function FieldEditor({ spec, value, onChange, problems }: { spec: FieldSpec; value: unknown; onChange: (next: unknown) => void; problems: string[] }) {
  const id = `field-${spec.key}`;
  if (spec.kind === 'text' || spec.kind === 'date') {
    return (
      <Field label={spec.label} id={id} problems={problems}>
        <input id={id} type={spec.kind === 'date' ? 'date' : 'text'} value={(value as string | null) ?? ''} onChange={(event) => onChange(event.target.value || null)} />
      </Field>
    );
  }
  if (spec.kind === 'period') {
    const period = (value as Row | null) ?? { from: '', to: '', text: '' };
    return (
      <fieldset>
        <legend>{spec.label}</legend>
        <div className="grid-3">
          {PERIOD_COLUMNS.map((column) => {
            const key = column.key.replace('period.', '');
            return (
              <Field key={key} label={column.label} id={`${id}-${key}`} problems={problems}>
                <input id={`${id}-${key}`} type={column.kind === 'date' ? 'date' : 'text'} value={String(period[key] ?? '')} onChange={(event) => onChange({ ...period, [key]: event.target.value })} />
              </Field>
            );
          })}
        </div>
      </fieldset>
    );
  }
  const rows = (Array.isArray(value) ? value : []) as Row[];
  const update = (index: number, next: Row) => onChange(rows.map((row, at) => (at === index ? next : row)));
  return (
    <fieldset>
      <legend>{spec.label}</legend>
      {problems.map((problem) => (
        <small key={problem} className="field-problem">
          {problem}
        </small>
      ))}
      {rows.length === 0 && <p className="muted">Chưa có mục nào.</p>}
      {rows.map((row, index) => (
        <div key={index} className="list-row">
          {(spec.columns ?? []).map((column) => {
            const cellId = `${id}-${index}-${column.key.replace('.', '-')}`;
            const cell = read(row, column.key);
            const text = Array.isArray(cell) ? cell.join(', ') : ((cell as string | undefined) ?? '');
            const set = (raw: string) =>
              update(index, write(row, column.key, column.kind === 'codes' ? raw.split(',').map((code) => code.trim()).filter(Boolean) : raw === '' && column.key !== 'text' ? undefined : raw));
            return (
              <Field key={column.key} label={column.label} id={cellId}>
                {column.kind === 'textarea' ? (
                  <textarea id={cellId} rows={2} value={text} onChange={(event) => set(event.target.value)} />
                ) : column.kind === 'select' ? (
                  <select id={cellId} value={text} onChange={(event) => set(event.target.value)}>
                    <option value="">— Chọn —</option>
                    {column.options?.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input id={cellId} type={column.kind === 'date' ? 'date' : 'text'} value={text} onChange={(event) => set(event.target.value)} />
                )}
              </Field>
            );
          })}
          <button type="button" className="button-link" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
            Xóa mục này
          </button>
        </div>
      ))}
      <button type="button" className="button-quiet" onClick={() => onChange([...rows, {}])}>
        + Thêm mục
      </button>
    </fieldset>
  );
}
