import { useState } from 'react';
import { api, errorOf, type ApiError, withQuery } from '../api';
import { useAuth } from '../auth';
import { SpreadsheetImport } from '../components/spreadsheet-import';
import { DueBadge, ErrorBox, Field, Loading, NominationTable, useLoad } from '../components/common';
import { LEVEL_LABELS, nomineeName, STEP_LABELS } from '../labels';
import { Link } from '../router';
import type { AwardForm, NominationView, Page } from '../types';

const STATE_FILTERS: Array<{ value: string; label: string }> = [
  { value: '', label: 'Mọi trạng thái' },
  { value: 'draft', label: STEP_LABELS.draft },
  ...(['commune', 'agency', 'province'] as const).flatMap((level) => [
    { value: level, label: `Mọi bước ${LEVEL_LABELS[level]}` },
    ...['received', 'appraisal', 'supplementRequested', 'councilReview', 'awaitingSignature'].map((step) => ({ value: `${level}.${step}`, label: `${STEP_LABELS[step]} (${LEVEL_LABELS[level]})` })),
  ]),
  { value: 'central.awaitingExternalDecision', label: `${STEP_LABELS.awaitingExternalDecision} (${LEVEL_LABELS.central})` },
  ...['awarded', 'rejected', 'withdrawn', 'revoked'].map((state) => ({ value: state, label: STEP_LABELS[state] })),
];

/** The dossiers in the caller's scope, filtered, as a list or as a board with one column per state. */
export function QueuePage() {
  const [state, setState] = useState('');
  const [formCode, setFormCode] = useState('');
  const [q, setQ] = useState('');
  const [due, setDue] = useState('');
  const [page, setPage] = useState(1);
  const [mode, setMode] = useState<'list' | 'board'>('list');
  const { has } = useAuth();
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const forms = useLoad(() => api.get<{ items: AwardForm[] }>('/api/award-forms'), []);
  const filters = {
    state: state || undefined,
    formCode: formCode || undefined,
    q: q.trim() || undefined,
    overdue: due === 'overdue' ? 'true' : undefined,
    dueWithinDays: due.startsWith('within-') ? due.slice('within-'.length) : undefined,
  };
  const list = useLoad(() => api.get<Page<NominationView>>('/api/nominations', { ...filters, page, pageSize: mode === 'board' ? 100 : 20 }), [state, formCode, q, due, page, mode]);
  const exportList = () => api.download(withQuery('/api/nominations/export.xlsx', filters), 'Danh sách hồ sơ đề nghị khen thưởng.xlsx').catch((caught) => setExportError(errorOf(caught)));
  const reset = <T,>(setter: (value: T) => void) => (value: T) => {
    setter(value);
    setPage(1);
  };
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  return (
    <>
      <div className="page-head">
        <h1>Danh sách hồ sơ</h1>
        <div className="segmented" role="group" aria-label="Cách hiển thị">
          <button type="button" aria-pressed={mode === 'list'} onClick={() => reset(setMode)('list')}>
            Danh sách
          </button>
          <button type="button" aria-pressed={mode === 'board'} onClick={() => reset(setMode)('board')}>
            Bảng theo trạng thái
          </button>
        </div>
      </div>
      <form className="filters card" role="search" onSubmit={(event) => event.preventDefault()}>
        <Field label="Trạng thái" id="filter-state">
          <select id="filter-state" value={state} onChange={(event) => reset(setState)(event.target.value)}>
            {STATE_FILTERS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Hình thức" id="filter-form">
          <select id="filter-form" value={formCode} onChange={(event) => reset(setFormCode)(event.target.value)}>
            <option value="">Mọi hình thức</option>
            {forms.data?.items.map((form) => (
              <option key={form.code} value={form.code}>
                {form.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Thời hạn" id="filter-due">
          <select id="filter-due" value={due} onChange={(event) => reset(setDue)(event.target.value)}>
            <option value="">Mọi thời hạn</option>
            <option value="overdue">Quá hạn</option>
            <option value="within-3">Đến hạn trong 3 ngày</option>
            <option value="within-7">Đến hạn trong 7 ngày</option>
          </select>
        </Field>
        <Field label="Tìm theo tên" id="filter-q">
          <input id="filter-q" type="search" value={q} onChange={(event) => reset(setQ)(event.target.value)} placeholder="Tên đối tượng" />
        </Field>
      </form>
      <ErrorBox error={list.error} />
      <ErrorBox error={exportError} />
      {list.loading && !list.data && <Loading what="hồ sơ" />}
      {list.data && (
        <div className="list-summary">
          <p className="muted" aria-live="polite">
            {list.data.total} hồ sơ
          </p>
          <button type="button" className="button-quiet" onClick={() => void exportList()}>
            Tải danh sách (XLSX)
          </button>
        </div>
      )}
      {list.data && mode === 'list' && (
        <section className="card">
          <NominationTable items={list.data.items} empty="Không có hồ sơ phù hợp." />
          {pages > 1 && (
            <nav className="pager" aria-label="Trang">
              <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                ‹ Trang trước
              </button>
              <span>
                Trang {page}/{pages}
              </span>
              <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                Trang sau ›
              </button>
            </nav>
          )}
        </section>
      )}
      {list.data && mode === 'board' && <Board items={list.data.items} />}
      {(has('submitter') || has('appraiser')) && <SpreadsheetImport onImported={() => void list.reload()} />}
    </>
  );
}

function Board({ items }: { items: NominationView[] }) {
  const columns = new Map<string, { label: string; items: NominationView[] }>();
  for (const item of items) {
    const column = columns.get(item.state) ?? { label: item.statusLabel, items: [] };
    column.items.push(item);
    columns.set(item.state, column);
  }
  if (!columns.size) return <p className="muted">Không có hồ sơ phù hợp.</p>;
  return (
    <div className="board">
      {[...columns.entries()].map(([state, column]) => (
        <section key={state} className="board-column" aria-label={column.label}>
          <h2>
            {column.label} <span className="count">{column.items.length}</span>
          </h2>
          <ul>
            {column.items.map((item) => (
              <li key={item.id} className={`board-card ${item.deadlines.current?.overdue ? 'overdue' : ''}`}>
                <Link to={`/ho-so/${item.id}`}>{nomineeName(item.nominee)}</Link>
                <small>{item.formName}</small>
                <small className="muted">{item.organizationName}</small>
                <DueBadge nomination={item} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
