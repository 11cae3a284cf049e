import { useState, type FormEvent } from 'react';
import { api, errorOf, type ApiError } from '../api';
import { useAuth } from '../auth';
import { ErrorBox, Field, Loading, Section, useLoad } from '../components/common';
import { capitalize, formatDate, vietnamToday } from '../labels';
import { Link, useRouter } from '../router';
import type { AgendaCandidate, Council, SessionSummary } from '../types';

/** The council sessions of the caller's organization; the secretary schedules a new one with its agenda. */
export function SessionsPage() {
  const { has } = useAuth();
  const sessions = useLoad(() => api.get<SessionSummary[]>('/api/council-sessions'), []);
  const councils = useLoad(() => api.get<Council[]>('/api/councils'), []);
  const sorted = [...(sessions.data ?? [])].sort((a, b) => b.meetingDate.localeCompare(a.meetingDate));
  return (
    <>
      <h1>Phiên họp Hội đồng Thi đua – Khen thưởng</h1>
      <Section title="Các phiên họp" id="sessions-list">
        <ErrorBox error={sessions.error} />
        {sessions.loading && !sessions.data && <Loading what="phiên họp" />}
        {sessions.data && sorted.length === 0 && <p className="muted">Chưa có phiên họp nào.</p>}
        {sorted.length > 0 && (
          <table className="table responsive">
            <thead>
              <tr>
                <th scope="col">Phiên họp</th>
                <th scope="col">Ngày họp</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Số hồ sơ</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((session) => (
                <tr key={session.id}>
                  <td data-label="Phiên họp">
                    <Link to={`/phien-hop/${session.id}`}>{session.title}</Link>
                  </td>
                  <td data-label="Ngày họp">{formatDate(session.meetingDate)}</td>
                  <td data-label="Trạng thái">
                    <span className={`badge session-${session.status}`}>{capitalize(session.statusLabel)}</span>
                  </td>
                  <td data-label="Số hồ sơ">{session.items}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      {has('council-secretary') && (
        <Section title="Lập phiên họp mới" id="new-session">
          <ErrorBox error={councils.error} />
          {councils.data && councils.data.length === 0 && <p className="muted">Tổ chức chưa có Hội đồng Thi đua – Khen thưởng; quản trị hệ thống lập Hội đồng và thành viên trước.</p>}
          {councils.data && councils.data.length > 0 && <NewSessionForm councils={councils.data} />}
        </Section>
      )}
    </>
  );
}

function NewSessionForm({ councils }: { councils: Council[] }) {
  const { navigate } = useRouter();
  const [councilId, setCouncilId] = useState(councils[0].id);
  const [meetingDate, setMeetingDate] = useState(vietnamToday());
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const candidates = useLoad(() => api.get<AgendaCandidate[]>(`/api/councils/${councilId}/agenda-candidates`), [councilId]);

  const toggle = (id: string) => setChosen(chosen.includes(id) ? chosen.filter((entry) => entry !== id) : [...chosen, id]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { councilId, meetingDate, nominationIds: chosen };
      if (title.trim()) body.title = title.trim();
      if (place.trim()) body.place = place.trim();
      const created = await api.post<{ id: string }>('/api/council-sessions', body);
      navigate(`/phien-hop/${created.id}`);
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label="Lập phiên họp mới">
      {councils.length > 1 && (
        <Field label="Hội đồng" id="session-council">
          <select id="session-council" value={councilId} onChange={(event) => setCouncilId(event.target.value)}>
            {councils.map((council) => (
              <option key={council.id} value={council.id}>
                {council.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div className="grid-3">
        <Field label="Ngày họp" id="session-date" problems={error?.problemsOf('meetingDate')}>
          <input id="session-date" type="date" required value={meetingDate} onChange={(event) => setMeetingDate(event.target.value)} />
        </Field>
        <Field label="Tên phiên họp" id="session-title" hint="Để trống: tên theo Hội đồng và ngày họp" problems={error?.problemsOf('title')}>
          <input id="session-title" value={title} onChange={(event) => setTitle(event.target.value)} />
        </Field>
        <Field label="Địa điểm" id="session-place" problems={error?.problemsOf('place')}>
          <input id="session-place" value={place} onChange={(event) => setPlace(event.target.value)} />
        </Field>
      </div>
      <fieldset>
        <legend>Hồ sơ đưa vào chương trình họp</legend>
        <ErrorBox error={candidates.error} />
        {candidates.data?.length === 0 && <p className="muted">Không có hồ sơ nào đang chờ Hội đồng xét.</p>}
        {candidates.data?.map((candidate) => (
          <label key={candidate.nominationId} className="check-row">
            <input type="checkbox" checked={chosen.includes(candidate.nominationId)} onChange={() => toggle(candidate.nominationId)} /> <strong>{candidate.nomineeName}</strong> — {candidate.formName}
          </label>
        ))}
      </fieldset>
      <ErrorBox error={error} title="Chưa lập được phiên họp" />
      <button type="submit" className="button-primary" disabled={busy}>
        {busy ? 'Đang lập…' : 'Lập phiên họp'}
      </button>
    </form>
  );
}
