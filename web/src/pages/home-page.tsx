import { api } from '../api';
import { useAuth } from '../auth';
import { ErrorBox, Loading, NominationTable, Section, useLoad } from '../components/common';
import { capitalize, formatDate, formatDateTime, NOTIFICATION_KIND_LABELS } from '../labels';
import { Link } from '../router';
import type { NominationView, NotificationPage, Page, SessionSummary } from '../types';

/** Each user's work: what waits for them, what is overdue or due soon, what their unit submitted, their notices. */
export function HomePage() {
  const { user, has } = useAuth();
  const work = useLoad(async () => {
    const [all, overdue, dueSoon] = await Promise.all([
      api.get<Page<NominationView>>('/api/nominations', { pageSize: 100 }),
      api.get<Page<NominationView>>('/api/nominations', { overdue: 'true', pageSize: 100 }),
      api.get<Page<NominationView>>('/api/nominations', { dueWithinDays: 7, pageSize: 100 }),
    ]);
    return { all, overdue, dueSoon };
  }, []);
  const notifications = useLoad(() => api.get<NotificationPage>('/api/notifications', { pageSize: 10 }), []);
  const isCouncil = has('council-member') || has('council-secretary');
  const sessions = useLoad(
    async () => (isCouncil ? (await api.get<SessionSummary[]>('/api/council-sessions')).filter((item) => item.status === 'open' || item.status === 'scheduled') : []),
    [isCouncil],
  );

  async function markRead(id: string) {
    await api.post(`/api/notifications/${id}/read`).catch(() => undefined);
    void notifications.reload();
  }

  const waiting = work.data?.all.items.filter((item) => item.allowedEvents.length > 0) ?? [];
  const submitted = work.data?.all.items.filter((item) => item.submittedAt) ?? [];
  return (
    <>
      <h1>Xin chào, {user?.fullName}</h1>
      <div className="stats-row" aria-live="polite">
        <Stat label="Chờ tôi xử lý" value={work.data ? waiting.length : null} />
        <Stat label="Quá hạn" value={work.data?.overdue.total ?? null} tone="bad" />
        <Stat label="Đến hạn trong 7 ngày" value={work.data?.dueSoon.total ?? null} tone="warn" />
        <Stat label="Thông báo chưa đọc" value={notifications.data?.unread ?? null} />
      </div>
      <ErrorBox error={work.error} />
      {has('submitter') && (
        <p>
          <Link to="/ho-so/moi" className="button button-primary">
            + Lập hồ sơ đề nghị khen thưởng
          </Link>
        </p>
      )}
      <div className="grid-2">
        <Section title="Việc chờ tôi xử lý" id="waiting">
          {work.loading && !work.data ? <Loading what="hồ sơ" /> : <NominationTable compact items={waiting} empty="Không có hồ sơ nào đang chờ bạn." />}
        </Section>
        <Section title="Thông báo" id="notices">
          <ErrorBox error={notifications.error} />
          {notifications.data && notifications.data.items.length === 0 && <p className="muted">Chưa có thông báo.</p>}
          <ul className="notices">
            {notifications.data?.items.map((notice) => (
              <li key={notice.id} className={notice.read ? 'read' : 'unread'}>
                <span className={`badge kind-${notice.kind}`}>{NOTIFICATION_KIND_LABELS[notice.kind] ?? notice.kind}</span>{' '}
                {notice.nominationId ? <Link to={`/ho-so/${notice.nominationId}`}>{notice.message}</Link> : notice.message}
                <small className="muted"> · {formatDateTime(notice.createdAt)}</small>
                {!notice.read && (
                  <button type="button" className="button-link" onClick={() => void markRead(notice.id)}>
                    Đánh dấu đã đọc
                  </button>
                )}
              </li>
            ))}
          </ul>
        </Section>
      </div>
      {isCouncil && (
        <Section title="Phiên họp sắp tới và đang họp" id="sessions">
          <ErrorBox error={sessions.error} />
          {sessions.data?.length === 0 && <p className="muted">Không có phiên họp nào đang chờ.</p>}
          <ul className="plain">
            {sessions.data?.map((item) => (
              <li key={item.id}>
                <Link to={`/phien-hop/${item.id}`}>{item.title}</Link> — {formatDate(item.meetingDate)} · {capitalize(item.statusLabel)} · {item.items} hồ sơ
              </li>
            ))}
          </ul>
        </Section>
      )}
      <div className="grid-2">
        <Section title="Quá hạn" id="overdue">
          {work.data && <NominationTable compact items={work.data.overdue.items} empty="Không có hồ sơ quá hạn." />}
        </Section>
        <Section title="Đến hạn trong 7 ngày" id="due-soon">
          {work.data && <NominationTable compact items={work.data.dueSoon.items} empty="Không có hồ sơ sắp đến hạn." />}
        </Section>
      </div>
      {has('submitter') && (
        <Section title="Hồ sơ đơn vị đã gửi" id="submitted">
          {work.data && <NominationTable items={submitted} empty="Đơn vị chưa gửi hồ sơ nào." />}
        </Section>
      )}
    </>
  );
}

function Stat({ label, value, tone }: { label: string; value: number | null; tone?: 'bad' | 'warn' }) {
  return (
    <div className={`stat ${tone && value ? `stat-${tone}` : ''}`}>
      <span className="stat-value">{value ?? '…'}</span>
      <span className="stat-label">{label}</span>
    </div>
  );
}
