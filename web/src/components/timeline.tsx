import { formatDate, formatDateTime, HISTORY_LABELS, statusLabel } from '../labels';
import type { HistoryEntry, NominationView } from '../types';
import { DueBadge } from './common';

function payloadLines(entry: HistoryEntry): string[] {
  const payload = entry.payload ?? {};
  const lines: string[] = [];
  const text = (key: string) => (typeof payload[key] === 'string' ? (payload[key] as string) : null);
  if (text('reason')) lines.push(`Lý do: ${text('reason')}`);
  if (Array.isArray(payload.items) && payload.items.length) lines.push(`Cần bổ sung: ${(payload.items as string[]).join('; ')}`);
  if (text('dueDate')) lines.push(`Hạn: ${formatDate(text('dueDate'))}`);
  if (text('note')) lines.push(`Ghi chú: ${text('note')}`);
  if (text('number')) lines.push(`Số văn bản: ${text('number')}${text('date') ? `, ngày ${formatDate(text('date'))}` : ''}`);
  if (text('authority')) lines.push(`Cơ quan: ${text('authority')}`);
  if (entry.type === 'DOCUMENT_UPLOADED' && text('fileName')) lines.push(`${text('name') ?? ''}: ${text('fileName')} (phiên bản ${String(payload.version ?? 1)})`);
  const counts = payload.counts as Record<string, number> | undefined;
  if (counts && typeof counts === 'object') {
    lines.push(`Kết quả: ${counts.yes ?? 0} đồng ý, ${counts.no ?? 0} không đồng ý, ${counts.abstain ?? 0} phiếu trắng; có mặt ${counts.present ?? 0}/${counts.members ?? 0}`);
  }
  return lines;
}

/** The dossier's history as a timeline, newest last, ending with where it stands now, who holds it and by when. */
export function Timeline({ history, nomination }: { history: HistoryEntry[]; nomination: NominationView }) {
  return (
    <ol className="timeline">
      {history.map((entry) => (
        <li key={entry.seq} className={entry.fromState !== entry.toState ? 'moved' : ''}>
          <div className="timeline-head">
            <strong>{HISTORY_LABELS[entry.type] ?? entry.type}</strong>
            <small className="muted">
              {' '}
              {formatDateTime(entry.at)} · {entry.actor.username}
            </small>
          </div>
          {entry.fromState !== entry.toState && (
            <div className="muted">
              {entry.fromState ? `${statusLabel(entry.fromState)} → ` : ''}
              {statusLabel(entry.toState)}
            </div>
          )}
          {payloadLines(entry).map((line) => (
            <div key={line}>{line}</div>
          ))}
        </li>
      ))}
      <li className="current" aria-current="step">
        <div className="timeline-head">
          <strong>Hiện tại: {nomination.statusLabel}</strong>
        </div>
        {nomination.holder && (
          <div>
            Đang ở: {nomination.holder.office ? `${nomination.holder.office} — ` : ''}
            {nomination.holder.organizationName}
          </div>
        )}
        {nomination.deadlines.current && (
          <div>
            <DueBadge nomination={nomination} />
          </div>
        )}
      </li>
    </ol>
  );
}
