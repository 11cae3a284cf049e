import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { errorOf, type ApiError } from '../api';
import { fieldLabel, formatDate, nomineeName, vietnamToday } from '../labels';
import type { NominationView } from '../types';
import { Link } from '../router';

/** Loads once (and again on `reload`), keeping the last good value while a reload runs. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const run = useCallback(() => {
    const ticket = ++latest.current;
    setLoading(true);
    return load()
      .then((value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setError(null);
      })
      .catch((caught) => {
        if (ticket === latest.current) setError(errorOf(caught));
      })
      .finally(() => {
        if (ticket === latest.current) setLoading(false);
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    void run();
  }, [run]);
  return { data, error, loading, reload: run };
}

/** An API error in words: its Vietnamese message, each field's problems, the missing documents, the legal basis. */
export function ErrorBox({ error, title, labels = {} }: { error: ApiError | null; title?: string; labels?: Record<string, string> }) {
  if (!error) return null;
  const details = error.details ?? {};
  const missing = Array.isArray(details.missing) ? (details.missing as Array<Record<string, unknown> | string>) : [];
  const legalBasis = typeof details.legalBasis === 'string' ? details.legalBasis : null;
  return (
    <div className="error-box" role="alert">
      {title && <strong>{title}: </strong>}
      <span>{error.message}</span>
      {error.fields.length > 0 && (
        <ul>
          {error.fields.map((field) => (
            <li key={field.field}>
              <strong>{fieldLabel(field.field, labels)}</strong>: {(field.problems ?? []).join('; ')}
            </li>
          ))}
        </ul>
      )}
      {missing.length > 0 && (
        <ul>
          {missing.map((entry, index) => (
            <li key={index}>{typeof entry === 'string' ? entry : String(entry.label ?? entry.name ?? entry.code ?? '')}</li>
          ))}
        </ul>
      )}
      {legalBasis && <p className="muted">Căn cứ: {legalBasis}</p>}
    </div>
  );
}

export function Loading({ what = 'dữ liệu' }: { what?: string }) {
  return (
    <p className="muted" role="status">
      Đang tải {what}…
    </p>
  );
}

const STATE_TONES: Record<string, string> = {
  draft: 'tone-draft',
  supplementRequested: 'tone-warn',
  awarded: 'tone-ok',
  rejected: 'tone-bad',
  withdrawn: 'tone-muted',
  revoked: 'tone-bad',
};

export function StateBadge({ state, label }: { state: string; label: string }) {
  const step = state.split('.').pop() ?? state;
  return <span className={`badge ${STATE_TONES[step] ?? 'tone-info'}`}>{label}</span>;
}

/** The current step's due date, marked when it has passed or comes within three days. */
export function DueBadge({ nomination }: { nomination: Pick<NominationView, 'deadlines'> }) {
  const current = nomination.deadlines?.current;
  if (!current) return <span className="muted">—</span>;
  const today = vietnamToday();
  const soon = !current.overdue && current.dueDate <= addDays(today, 3);
  return (
    <span className={`due ${current.overdue ? 'due-overdue' : soon ? 'due-soon' : ''}`}>
      {current.overdue ? 'Quá hạn · ' : soon ? 'Sắp đến hạn · ' : 'Hạn '}
      {formatDate(current.dueDate)}
    </span>
  );
}

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** A table of nominations that reads as cards on a phone. */
export function NominationTable({ items, empty, compact = false }: { items: NominationView[]; empty: string; compact?: boolean }) {
  if (!items.length) return <p className="muted">{empty}</p>;
  if (compact) {
    return (
      <ul className="nomination-list">
        {items.map((item) => (
          <li key={item.id}>
            <div className="nomination-list-main">
              <Link to={`/ho-so/${item.id}`}>
                <strong>{nomineeName(item.nominee)}</strong>
              </Link>
              <small className="muted">
                {item.formName} · {item.organizationName}
              </small>
            </div>
            <div className="nomination-list-side">
              <StateBadge state={item.state} label={item.statusLabel} />
              <DueBadge nomination={item} />
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <table className="table responsive">
      <thead>
        <tr>
          <th scope="col">Đối tượng</th>
          <th scope="col">Hình thức</th>
          <th scope="col">Đơn vị đề nghị</th>
          <th scope="col">Trạng thái</th>
          <th scope="col">Thời hạn</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id}>
            <td data-label="Đối tượng">
              <Link to={`/ho-so/${item.id}`}>{nomineeName(item.nominee)}</Link>
            </td>
            <td data-label="Hình thức">{item.formName}</td>
            <td data-label="Đơn vị">{item.organizationName}</td>
            <td data-label="Trạng thái">
              <StateBadge state={item.state} label={item.statusLabel} />
            </td>
            <td data-label="Thời hạn">
              <DueBadge nomination={item} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Section({ title, children, actions, id }: { title: string; children: ReactNode; actions?: ReactNode; id?: string }) {
  return (
    <section className="card" id={id} aria-labelledby={id ? `${id}-title` : undefined}>
      <div className="card-head">
        <h2 id={id ? `${id}-title` : undefined}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A labelled input whose API problems show under it. */
export function Field({ label, id, hint, problems = [], children }: { label: string; id: string; hint?: string; problems?: string[]; children: ReactNode }) {
  return (
    <div className={`field ${problems.length ? 'field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <small className="muted">{hint}</small>}
      {problems.map((problem) => (
        <small key={problem} className="field-problem">
          {problem}
        </small>
      ))}
    </div>
  );
}
