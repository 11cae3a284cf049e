import { useState, type FormEvent } from 'react';
import { api, errorOf, type ApiError } from '../api';
import { useAuth } from '../auth';
import { DueBadge, ErrorBox, Field, Loading, Section, StateBadge, useLoad } from '../components/common';
import { WorkflowDiagram } from '../components/diagram';
import { ChecklistView, DocumentList, UploadZone } from '../components/documents';
import { EventActions } from '../components/event-form';
import { Timeline } from '../components/timeline';
import { capitalize, CATEGORY_LABELS, FINAL_STATES, formatDate, LEVEL_LABELS, NOMINEE_KIND_LABELS, nomineeName } from '../labels';
import type { Checklist, DocumentEntry, HistoryEntry, NominationView } from '../types';

/** One dossier: where it stands, what the caller may do now, its documents and checks, its history. */
export function NominationPage({ id }: { id: string }) {
  const { user } = useAuth();
  const view = useLoad(() => api.get<NominationView>(`/api/nominations/${id}`), [id]);
  const history = useLoad(() => api.get<HistoryEntry[]>(`/api/nominations/${id}/history`), [id]);
  const documents = useLoad(() => api.get<{ items: DocumentEntry[] }>(`/api/nominations/${id}/documents`), [id]);
  const checklist = useLoad(() => api.get<Checklist>(`/api/nominations/${id}/documents/checklist`), [id]);

  const reloadAll = () => Promise.all([view.reload(), history.reload(), documents.reload(), checklist.reload()]);

  if (view.error && !view.data) return <ErrorBox error={view.error} />;
  if (!view.data) return <Loading what="hồ sơ" />;
  const nomination = view.data;
  const nominee = nomination.nominee;
  const isFinal = FINAL_STATES.includes(nomination.state);
  const editable = (nomination.state === 'draft' || nomination.state.endsWith('supplementRequested')) && user?.organizationId === nomination.organizationId && user.roles.includes('submitter');
  const openRound = nomination.state.endsWith('supplementRequested') ? nomination.supplementRounds.at(-1) : undefined;

  return (
    <>
      <div className="page-head">
        <div>
          <p className="eyebrow">{nomination.formName}</p>
          <h1>{nomineeName(nominee)}</h1>
          <p className="muted">
            {NOMINEE_KIND_LABELS[nominee.kind]}
            {nominee.category ? ` · ${CATEGORY_LABELS[nominee.category] ?? nominee.category}` : ''}
            {nominee.position ? ` · ${nominee.position}` : ''}
            {nominee.unitName ? ` · ${nominee.unitName}` : ''} · Đơn vị đề nghị: {nomination.organizationName} · Năm {nomination.awardYear}
          </p>
        </div>
        <div className="page-head-status">
          <StateBadge state={nomination.state} label={nomination.statusLabel} />
          {nomination.deadlines.current && <DueBadge nomination={nomination} />}
        </div>
      </div>

      <ol className="route" aria-label="Các cấp xét duyệt">
        {nomination.route.map((step) => (
          <li key={step.level} className={nomination.level === step.level ? 'active' : ''} aria-current={nomination.level === step.level ? 'step' : undefined}>
            <strong>{capitalize(LEVEL_LABELS[step.level as keyof typeof LEVEL_LABELS] ?? step.level)}</strong>
            <span>{step.organizationName ?? 'ngoài hệ thống'}</span>
            {step.signer && <small className="muted">Ký: {step.signer}</small>}
          </li>
        ))}
        <li className={nomination.state === 'awarded' ? 'active done' : ''}>
          <strong>Kết quả</strong>
          <span>{isFinal ? nomination.statusLabel : 'chưa có'}</span>
        </li>
      </ol>

      {openRound && (
        <div className="note note-warn" role="note">
          <strong>Yêu cầu bổ sung ({LEVEL_LABELS[openRound.level as keyof typeof LEVEL_LABELS] ?? openRound.level}), hạn {formatDate(openRound.dueDate)}:</strong> {openRound.reason}
          {openRound.items?.length > 0 && (
            <ul>
              {openRound.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {nomination.rejection && (
        <div className="note note-bad" role="note">
          <strong>Không được khen thưởng:</strong> {nomination.rejection.reason}
        </div>
      )}
      {nomination.signatures.length > 0 && (
        <p className="muted">
          Văn bản đã ký: {nomination.signatures.map((signature) => `${signature.number} (${formatDate(signature.date)})`).join('; ')}
        </p>
      )}

      <div className="grid-2">
        <Section title="Thao tác" id="actions">
          <EventActions
            nomination={nomination}
            onDone={() => {
              void reloadAll();
            }}
          />
        </Section>
        <Section title="Thành tích" id="achievements-section">
          {editable ? <AchievementsEditor nomination={nomination} onSaved={() => void reloadAll()} /> : <p className="prewrap">{nomination.achievements || <span className="muted">Chưa có tóm tắt thành tích.</span>}</p>}
        </Section>
      </div>

      <div className="grid-2">
        <Section title="Tài liệu yêu cầu" id="checklist">
          <ErrorBox error={checklist.error} />
          {checklist.data ? <ChecklistView checklist={checklist.data} /> : <Loading what="danh mục tài liệu" />}
          {checklist.data && !isFinal && <UploadZone nominationId={nomination.id} checklist={checklist.data} onUploaded={() => void reloadAll()} />}
        </Section>
        <Section title="Tài liệu trong hồ sơ" id="documents">
          <ErrorBox error={documents.error} />
          {documents.data ? <DocumentList documents={documents.data.items} /> : <Loading what="tài liệu" />}
        </Section>
      </div>

      <Section title="Quá trình xử lý" id="timeline">
        <ErrorBox error={history.error} />
        {history.data ? <Timeline history={history.data} nomination={nomination} /> : <Loading what="nhật ký" />}
      </Section>

      <Section title="Sơ đồ quy trình" id="diagram">
        <WorkflowDiagram formCode={nomination.formCode} state={nomination.state} />
      </Section>
    </>
  );
}

function AchievementsEditor({ nomination, onSaved }: { nomination: NominationView; onSaved: () => void }) {
  const [text, setText] = useState(nomination.achievements ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api.patch(`/api/nominations/${nomination.id}`, { achievements: text }, { 'If-Match': `"${nomination.version}"` });
      setSaved(true);
      onSaved();
    } catch (caught) {
      setError(errorOf(caught));
    }
  }
  return (
    <form onSubmit={save}>
      <Field label="Tóm tắt thành tích" id="edit-achievements" problems={error?.problemsOf('achievements')}>
        <textarea id="edit-achievements" rows={5} value={text} onChange={(event) => setText(event.target.value)} />
      </Field>
      <ErrorBox error={error} title="Chưa lưu được" />
      {saved && (
        <p className="success" role="status">
          Đã lưu.
        </p>
      )}
      <button type="submit" className="button-quiet">
        Lưu thành tích
      </button>
    </form>
  );
}
