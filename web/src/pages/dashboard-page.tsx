import { useState } from 'react';
import { api, errorOf, type ApiError } from '../api';
import { BarChart, ColumnChart } from '../components/charts';
import { ErrorBox, Field, Loading, Section, useLoad } from '../components/common';
import { WorkflowDiagram } from '../components/diagram';
import { formatDate } from '../labels';
import { Link } from '../router';
import type { AwardForm } from '../types';

interface Count {
  label: string;
  count: number;
}

interface DeadlineItem {
  id: string;
  formName: string;
  nomineeName: string;
  organizationName: string | null;
  statusLabel: string;
  dueDate: string;
  daysOverdue: number;
}

interface Dashboard {
  generatedOn: string;
  total: number;
  byState: Array<Count & { state: string; group: string }>;
  byStateGroup: Array<Count & { group: string }>;
  byForm: Array<Count & { formCode: string }>;
  byOrganization: Array<Count & { organizationId: string }>;
  byMonth: Array<Count & { month: string }>;
  overdue: { count: number; items: DeadlineItem[] };
  dueSoon: { withinDays: number; count: number; items: DeadlineItem[] };
}

const bars = (rows: Count[], tone?: (row: Count) => 'bad' | 'ok' | 'warn' | undefined) => rows.map((row) => ({ label: row.label, value: row.count, tone: tone?.(row) }));

/** The caller's scope in figures (GET /api/statistics/dashboard), drawn as SVG charts, and each form's diagram. */
export function DashboardPage() {
  const dashboard = useLoad(() => api.get<Dashboard>('/api/statistics/dashboard'), []);
  const forms = useLoad(() => api.get<{ items: AwardForm[] }>('/api/award-forms'), []);
  const [formCode, setFormCode] = useState('');
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);
  const chosen = formCode || forms.data?.items[0]?.code || '';
  const data = dashboard.data;
  const stateTone = (row: Count) => (row.label.startsWith('Đã được khen thưởng') ? 'ok' : row.label.startsWith('Không được') || row.label.startsWith('Đã hủy') ? 'bad' : row.label.startsWith('Yêu cầu bổ sung') ? 'warn' : undefined);

  return (
    <>
      <div className="page-head">
        <h1>Thống kê</h1>
        <button type="button" className="button-quiet" onClick={() => api.download('/api/statistics/dashboard.xlsx', 'Thống kê hồ sơ khen thưởng.xlsx').catch((caught) => setDownloadError(errorOf(caught)))}>
          Tải bảng tính (XLSX)
        </button>
      </div>
      <ErrorBox error={downloadError} />
      <ErrorBox error={dashboard.error} />
      {dashboard.loading && !data && <Loading what="số liệu" />}
      {data && (
        <>
          <div className="stats-row">
            <div className="stat">
              <span className="stat-value">{data.total}</span>
              <span className="stat-label">Hồ sơ trong phạm vi (đến {formatDate(data.generatedOn)})</span>
            </div>
            <div className={`stat ${data.overdue.count ? 'stat-bad' : ''}`}>
              <span className="stat-value">{data.overdue.count}</span>
              <span className="stat-label">Quá hạn</span>
            </div>
            <div className={`stat ${data.dueSoon.count ? 'stat-warn' : ''}`}>
              <span className="stat-value">{data.dueSoon.count}</span>
              <span className="stat-label">Đến hạn trong {data.dueSoon.withinDays} ngày</span>
            </div>
            <div className="stat">
              <span className="stat-value">{data.byForm.length}</span>
              <span className="stat-label">Hình thức khen thưởng</span>
            </div>
          </div>
          <div className="grid-2">
            <Section title="Theo cấp xét duyệt" id="by-group">
              <BarChart title="Số hồ sơ theo cấp đang xét" bars={bars(data.byStateGroup)} />
            </Section>
            <Section title="Theo tháng gửi hồ sơ" id="by-month">
              <ColumnChart title="Số hồ sơ gửi trong 12 tháng gần nhất" columns={data.byMonth.map((row) => ({ label: row.month.slice(5) + '/' + row.month.slice(2, 4), value: row.count }))} />
            </Section>
          </div>
          <div className="grid-2">
            <Section title="Theo trạng thái" id="by-state">
              <BarChart title="Số hồ sơ theo trạng thái" bars={bars(data.byState, stateTone)} />
            </Section>
            <Section title="Theo hình thức" id="by-form">
              <BarChart title="Số hồ sơ theo hình thức khen thưởng" bars={bars(data.byForm)} />
            </Section>
          </div>
          <div className="grid-2">
            <Section title="Theo đơn vị đề nghị" id="by-organization">
              <BarChart title="Số hồ sơ theo đơn vị đề nghị" bars={bars(data.byOrganization)} />
            </Section>
            <Section title="Quá hạn và sắp đến hạn" id="deadlines">
              <BarChart
                title="Hồ sơ theo thời hạn"
                bars={[
                  { label: 'Quá hạn', value: data.overdue.count, tone: 'bad' },
                  { label: `Đến hạn trong ${data.dueSoon.withinDays} ngày`, value: data.dueSoon.count, tone: 'warn' },
                ]}
              />
              <DeadlineList items={[...data.overdue.items, ...data.dueSoon.items]} />
            </Section>
          </div>
        </>
      )}
      <Section title="Sơ đồ quy trình theo hình thức" id="diagrams">
        <ErrorBox error={forms.error} />
        <Field label="Hình thức khen thưởng" id="diagram-form">
          <select id="diagram-form" value={chosen} onChange={(event) => setFormCode(event.target.value)}>
            {forms.data?.items.map((form) => (
              <option key={form.code} value={form.code}>
                {form.name}
              </option>
            ))}
          </select>
        </Field>
        {chosen && <WorkflowDiagram formCode={chosen} />}
      </Section>
    </>
  );
}

function DeadlineList({ items }: { items: DeadlineItem[] }) {
  if (!items.length) return null;
  return (
    <ul className="nomination-list">
      {items.map((item) => (
        <li key={item.id}>
          <div className="nomination-list-main">
            <Link to={`/ho-so/${item.id}`}>
              <strong>{item.nomineeName}</strong>
            </Link>
            <small className="muted">
              {item.formName} · {item.organizationName} · {item.statusLabel}
            </small>
          </div>
          <span className={`due ${item.daysOverdue > 0 ? 'due-overdue' : 'due-soon'}`}>
            {item.daysOverdue > 0 ? `Quá hạn ${item.daysOverdue} ngày · ` : 'Hạn '}
            {formatDate(item.dueDate)}
          </span>
        </li>
      ))}
    </ul>
  );
}
