import { useEffect, useState, type FormEvent } from 'react';
import { api, errorOf, type ApiError } from '../api';
import { useAuth } from '../auth';
import { ErrorBox, Field, Loading, Section, useLoad } from '../components/common';
import { capitalize, formatDate, OUTCOME_LABELS, VOTE_LABELS } from '../labels';
import { Link } from '../router';
import type { AgendaCandidate, Council, CouncilSession, SessionItem } from '../types';

const ATTENDANCE_CHOICES: Array<{ value: string; label: string }> = [
  { value: 'present', label: 'Có mặt' },
  { value: 'absent', label: 'Vắng mặt' },
  { value: 'absent-written', label: 'Vắng mặt, có phiếu bằng văn bản' },
];

/** One session: agenda, attendance and quorum; the secretary opens and closes it; each member casts a secret ballot. */
export function SessionPage({ id }: { id: string }) {
  const { user } = useAuth();
  const session = useLoad(() => api.get<CouncilSession>(`/api/council-sessions/${id}`), [id]);
  const data = session.data;
  const isSecretary = !!data && !!user?.roleAssignments.some((role) => role.role === 'council-secretary' && role.organizationId === data.organizationId);

  if (session.error && !data) return <ErrorBox error={session.error} />;
  if (!data) return <Loading what="phiên họp" />;
  const reload = () => void session.reload();
  return (
    <>
      <div className="page-head">
        <div>
          <p className="eyebrow">{data.organizationName}</p>
          <h1>{data.title}</h1>
          <p className="muted">
            Ngày họp {formatDate(data.meetingDate)}
            {data.place ? ` · ${data.place}` : ''}
            {data.minutesNumber ? ` · Biên bản số ${data.minutesNumber}` : ''}
          </p>
        </div>
        <span className={`badge session-${data.status}`}>{capitalize(data.statusLabel)}</span>
      </div>
      <ErrorBox error={session.error} />
      {data.quorum && (
        <div className={`note ${data.quorum.met ? 'note-ok' : 'note-warn'}`} role="status">
          <strong>Số thành viên tham dự:</strong> {data.quorum.present}/{data.quorum.members} có mặt; yêu cầu tối thiểu {data.quorum.minPresentPercent}% tổng số thành viên —{' '}
          {data.quorum.met ? 'đủ điều kiện tiến hành họp.' : 'chưa đủ điều kiện tiến hành họp.'}
        </div>
      )}
      <Section title="Chương trình họp" id="agenda">
        {data.items.length === 0 && <p className="muted">Chưa có hồ sơ nào trong chương trình họp.</p>}
        <ol className="agenda">
          {data.items.map((item) => (
            <AgendaItem key={item.id} session={data} item={item} isSecretary={isSecretary} onChanged={reload} />
          ))}
        </ol>
        {isSecretary && data.status === 'scheduled' && data.councilId && <AddItems session={data} onChanged={reload} />}
      </Section>
      {data.members.length > 0 && (
        <Section title="Thành viên dự họp" id="members">
          <ul className="members">
            {data.members.map((member) => (
              <li key={member.userId}>
                <strong>{member.fullName}</strong> <span className="muted">— {member.positionLabel}</span> <span className={`badge attendance-${member.attendance}`}>{capitalize(member.attendanceLabel)}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {isSecretary && (data.status === 'scheduled' || data.status === 'open') && data.councilId && <AttendanceForm session={data} onChanged={reload} />}
      {isSecretary && data.status === 'open' && <CloseForm session={data} onChanged={reload} />}
      {(data.status === 'closed' || data.status === 'inquorate') && <Minutes session={data} />}
    </>
  );
}

function AgendaItem({ session, item, isSecretary, onChanged }: { session: CouncilSession; item: SessionItem; isSecretary: boolean; onChanged: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  async function remove() {
    try {
      await api.delete(`/api/council-sessions/${session.id}/items/${item.id}`);
      onChanged();
    } catch (caught) {
      setError(errorOf(caught));
    }
  }
  return (
    <li className="agenda-item">
      <div className="agenda-head">
        <strong>{item.nominationId ? <Link to={`/ho-so/${item.nominationId}`}>{item.title}</Link> : item.title}</strong>
        {item.formName && <span> — {item.formName}</span>}
      </div>
      <p className="muted">Điều kiện thông qua: {item.councilRuleText}</p>
      {item.recusals.length > 0 && <p className="muted">Không tham gia biểu quyết: {item.recusals.map((recusal) => `${recusal.fullName} (${recusal.reasonLabel})`).join('; ')}</p>}
      {session.status === 'open' && (
        <p>
          Đã bỏ phiếu: {item.ballotsCast}
          {item.eligibleVoters !== null ? `/${item.eligibleVoters}` : ''} thành viên
        </p>
      )}
      {session.status === 'open' && session.you.member && <Ballot session={session} item={item} onCast={onChanged} />}
      {item.result && (
        <table className="table result">
          <caption>
            Kết quả: <strong>{item.outcome ? (OUTCOME_LABELS[item.outcome] ?? item.outcome) : '—'}</strong>
          </caption>
          <tbody>
            <tr>
              <th scope="row">{VOTE_LABELS.yes}</th>
              <td>{item.result.yes}</td>
            </tr>
            <tr>
              <th scope="row">{VOTE_LABELS.no}</th>
              <td>{item.result.no}</td>
            </tr>
            <tr>
              <th scope="row">{VOTE_LABELS.abstain}</th>
              <td>{item.result.abstain}</td>
            </tr>
            <tr>
              <th scope="row">Có mặt / tổng số thành viên</th>
              <td>
                {item.result.present}/{item.result.members}
              </td>
            </tr>
            <tr>
              <th scope="row">Tỷ lệ đồng ý trên tổng số thành viên</th>
              <td>{item.result.yesShareOfAllMembers}</td>
            </tr>
          </tbody>
        </table>
      )}
      {isSecretary && session.status === 'scheduled' && (
        <button type="button" className="button-link" onClick={() => void remove()}>
          Bỏ khỏi chương trình
        </button>
      )}
      <ErrorBox error={error} />
    </li>
  );
}

/** The member's secret ballot for one item: once, never changed; the API refuses a recused or absent member. */
function Ballot({ session, item, onCast }: { session: CouncilSession; item: SessionItem; onCast: () => void }) {
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (item.youAreRecused) return <p className="muted">Bạn không tham gia biểu quyết hồ sơ này.</p>;
  if (item.youHaveVoted)
    return (
      <p className="success" role="status">
        Bạn đã bỏ phiếu cho hồ sơ này. Kết quả được công bố khi kết thúc phiên họp.
      </p>
    );
  async function cast(event: FormEvent) {
    event.preventDefault();
    if (!choice) return;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/council-sessions/${session.id}/items/${item.id}/ballots`, { choice });
      onCast();
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="ballot" onSubmit={cast} aria-label={`Phiếu biểu quyết: ${item.title}`}>
      <fieldset>
        <legend>Phiếu biểu quyết kín</legend>
        {(Object.keys(VOTE_LABELS) as Array<keyof typeof VOTE_LABELS>).map((value) => (
          <label key={value} className={`ballot-choice ballot-${value}`}>
            <input type="radio" name={`ballot-${item.id}`} value={value} checked={choice === value} onChange={() => setChoice(value)} /> {VOTE_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <ErrorBox error={error} title="Phiếu chưa được ghi nhận" />
      <button type="submit" className="button-primary" disabled={!choice || busy}>
        Bỏ phiếu
      </button>
    </form>
  );
}

function AddItems({ session, onChanged }: { session: CouncilSession; onChanged: () => void }) {
  const candidates = useLoad(() => api.get<AgendaCandidate[]>(`/api/councils/${session.councilId}/agenda-candidates`), [session.councilId, session.items.length]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  if (!candidates.data?.length) return null;
  async function add(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api.post(`/api/council-sessions/${session.id}/items`, { nominationIds: chosen });
      setChosen([]);
      onChanged();
    } catch (caught) {
      setError(errorOf(caught));
    }
  }
  return (
    <form className="subform" onSubmit={add} aria-label="Thêm hồ sơ vào chương trình">
      <fieldset>
        <legend>Thêm hồ sơ đang chờ Hội đồng xét</legend>
        {candidates.data.map((candidate) => (
          <label key={candidate.nominationId} className="check-row">
            <input
              type="checkbox"
              checked={chosen.includes(candidate.nominationId)}
              onChange={() => setChosen(chosen.includes(candidate.nominationId) ? chosen.filter((entry) => entry !== candidate.nominationId) : [...chosen, candidate.nominationId])}
            />{' '}
            <strong>{candidate.nomineeName}</strong> — {candidate.formName}
          </label>
        ))}
      </fieldset>
      <ErrorBox error={error} />
      <button type="submit" className="button-quiet" disabled={!chosen.length}>
        Thêm vào chương trình
      </button>
    </form>
  );
}

/** Attendance of the council's members on the meeting day; opening checks the quorum (nothing changes if short). */
function AttendanceForm({ session, onChanged }: { session: CouncilSession; onChanged: () => void }) {
  const council = useLoad(() => api.get<Council>(`/api/councils/${session.councilId}`), [session.councilId]);
  const [attendance, setAttendance] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const members =
    session.status === 'open'
      ? session.members.map((member) => ({ userId: member.userId, fullName: member.fullName, positionLabel: member.positionLabel }))
      : (council.data?.members ?? []).filter((term) => term.from <= session.meetingDate && (!term.to || term.to >= session.meetingDate));

  useEffect(() => {
    const initial: Record<string, string> = {};
    for (const member of session.members) initial[member.userId] = member.attendance;
    setAttendance((current) => ({ ...initial, ...current }));
  }, [session.members]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body = { attendance: members.map((member) => ({ userId: member.userId, status: attendance[member.userId] ?? 'present' })) };
    try {
      if (session.status === 'scheduled') await api.post(`/api/council-sessions/${session.id}/open`, body);
      else await api.put(`/api/council-sessions/${session.id}/attendance`, body);
      onChanged();
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Section title={session.status === 'scheduled' ? 'Điểm danh và khai mạc phiên họp' : 'Cập nhật điểm danh'} id="attendance">
      <ErrorBox error={council.error} />
      {members.length === 0 && council.data && <p className="muted">Hội đồng chưa có thành viên trong nhiệm kỳ ngày họp.</p>}
      <form onSubmit={submit} aria-label="Điểm danh">
        <table className="table responsive">
          <thead>
            <tr>
              <th scope="col">Thành viên</th>
              <th scope="col">Tham dự</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.userId}>
                <td data-label="Thành viên">
                  <strong>{member.fullName}</strong> <span className="muted">— {member.positionLabel}</span>
                </td>
                <td data-label="Tham dự">
                  <label className="visually-hidden" htmlFor={`attendance-${member.userId}`}>
                    Tham dự của {member.fullName}
                  </label>
                  <select id={`attendance-${member.userId}`} value={attendance[member.userId] ?? 'present'} onChange={(event) => setAttendance({ ...attendance, [member.userId]: event.target.value })}>
                    {ATTENDANCE_CHOICES.map((choice) => (
                      <option key={choice.value} value={choice.value}>
                        {choice.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ErrorBox error={error} title={session.status === 'scheduled' ? 'Chưa khai mạc được' : 'Chưa cập nhật được'} />
        <button type="submit" className="button-primary" disabled={busy || !members.length}>
          {session.status === 'scheduled' ? 'Khai mạc phiên họp' : 'Lưu điểm danh'}
        </button>
      </form>
    </Section>
  );
}

function CloseForm({ session, onChanged }: { session: CouncilSession; onChanged: () => void }) {
  const [minutesNumber, setMinutesNumber] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/council-sessions/${session.id}/close`, minutesNumber.trim() ? { minutesNumber: minutesNumber.trim() } : {});
      onChanged();
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Section title="Kết thúc phiên họp và kiểm phiếu" id="close">
      <form onSubmit={submit} aria-label="Kết thúc phiên họp">
        <Field label="Số biên bản" id="close-minutes" hint="Để trống: số tiếp theo trong năm" problems={error?.problemsOf('minutesNumber')}>
          <input id="close-minutes" value={minutesNumber} onChange={(event) => setMinutesNumber(event.target.value)} />
        </Field>
        <ErrorBox error={error} title="Chưa kết thúc được" />
        <button type="submit" className="button-primary" disabled={busy}>
          Kết thúc phiên họp
        </button>
      </form>
    </Section>
  );
}

function Minutes({ session }: { session: CouncilSession }) {
  const [error, setError] = useState<ApiError | null>(null);
  const download = (document: 'meeting' | 'tally-sheet', name: string) =>
    api.download(`/api/council-sessions/${session.id}/minutes/${document}.docx`, name).catch((caught) => setError(errorOf(caught)));
  return (
    <Section title="Biên bản" id="minutes">
      <ErrorBox error={error} />
      <div className="actions">
        <button type="button" className="button-quiet" onClick={() => void download('meeting', 'Biên bản họp Hội đồng.docx')}>
          Tải Biên bản họp Hội đồng (DOCX)
        </button>
        <button type="button" className="button-quiet" onClick={() => void download('tally-sheet', 'Biên bản kiểm phiếu.docx')}>
          Tải Biên bản kiểm phiếu (DOCX)
        </button>
      </div>
    </Section>
  );
}
