import { useState, type FormEvent } from 'react';
import { api, errorOf, type ApiError } from '../api';
import { ErrorBox, Field, Loading, Section, useLoad } from '../components/common';
import { formatDate, vietnamToday } from '../labels';
import { Link } from '../router';

interface AwaitingItem {
  id: string;
  formCode: string;
  formName: string;
  nominee: { kind: string; name: string };
  proposingOrganization: { id: string; name: string | null };
  organization: { id: string; name: string | null };
  statusLabel: string;
  act: 'decision' | 'submission';
  dueDate: string | null;
  missingDocuments: Array<{ code: string; level: string; name: string }>;
}

interface DecisionView {
  id: string;
  kind: 'decision' | 'submission';
  kindLabel: string;
  number: string;
  date: string;
  title: string;
  formName: string;
  organization: { name: string | null };
  addressedTo: { name: string | null } | null;
  signer: { fullName: string; deputy: boolean };
  items: Array<{ nominationId: string; nomineeName: string; statusLabel: string | null }>;
  links: { document: string; annex: string; certificates: string | null; certificatesDocument: string | null };
}

const ACT_LABELS = { decision: 'Quyết định khen thưởng', submission: 'Tờ trình đề nghị cấp trên' };

/**
 * What awaits the signer (GET /api/decisions/awaiting-signature), grouped by form and act: one number signs the
 * checked dossiers of a group as one Quyết định or Tờ trình (POST /api/decisions, all or none); the documents
 * signed are listed below with their DOCX files.
 */
export function SigningPage() {
  const awaiting = useLoad(() => api.get<{ items: AwaitingItem[] }>('/api/decisions/awaiting-signature'), []);
  const signed = useLoad(() => api.get<{ items: DecisionView[] }>('/api/decisions'), []);
  const [justSigned, setJustSigned] = useState<DecisionView | null>(null);
  const groups = new Map<string, AwaitingItem[]>();
  for (const item of awaiting.data?.items ?? []) {
    const key = `${item.formCode}|${item.act}|${item.organization.id}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const onSigned = (decision: DecisionView) => {
    setJustSigned(decision);
    void awaiting.reload();
    void signed.reload();
  };
  return (
    <>
      <h1>Ký Quyết định, Tờ trình</h1>
      {justSigned && (
        <p className="note note-ok" role="status">
          Đã ký {justSigned.kindLabel} số {justSigned.number} cho {justSigned.items.length} hồ sơ.
        </p>
      )}
      <Section title={`Chờ ký (${awaiting.data?.items.length ?? '…'})`} id="waiting-signature">
        <ErrorBox error={awaiting.error} />
        {awaiting.loading && !awaiting.data && <Loading what="hồ sơ chờ ký" />}
        {awaiting.data && groups.size === 0 && <p className="muted">Không có hồ sơ nào chờ bạn ký.</p>}
        {[...groups.entries()].map(([key, items]) => (
          <BatchForm key={key} items={items} onSigned={onSigned} />
        ))}
      </Section>
      <Section title="Văn bản đã ký" id="decisions">
        <ErrorBox error={signed.error} />
        {signed.data && signed.data.items.length === 0 && <p className="muted">Chưa có văn bản nào.</p>}
        <ul className="plain decisions">
          {signed.data?.items.map((decision) => (
            <DecisionRow key={decision.id} decision={decision} />
          ))}
        </ul>
      </Section>
    </>
  );
}

function BatchForm({ items, onSigned }: { items: AwaitingItem[]; onSigned: (decision: DecisionView) => void }) {
  const first = items[0];
  const [chosen, setChosen] = useState<string[]>(items.filter((item) => !item.missingDocuments.length).map((item) => item.id));
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(vietnamToday());
  const [title, setTitle] = useState('');
  const [deputy, setDeputy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const idPrefix = `batch-${first.formCode}-${first.act}`;
  const heading = `${ACT_LABELS[first.act]}: ${first.formName}`;

  async function sign(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body: Record<string, unknown> = { kind: first.act, number: number.trim(), date, nominationIds: chosen, deputy };
      if (title.trim()) body.title = title.trim();
      onSigned(await api.post<DecisionView>('/api/decisions', body));
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="batch" onSubmit={sign} aria-label={heading}>
      <h3>
        {heading} <small className="muted">· {first.organization.name}</small>
      </h3>
      <fieldset>
        <legend>Hồ sơ trong văn bản ({chosen.length}/{items.length})</legend>
        {items.map((item) => (
          <label key={item.id} className="check-row">
            <input type="checkbox" checked={chosen.includes(item.id)} onChange={() => setChosen(chosen.includes(item.id) ? chosen.filter((id) => id !== item.id) : [...chosen, item.id])} />{' '}
            <strong>{item.nominee.name}</strong> — {item.proposingOrganization.name}
            {item.dueDate && <small className="muted"> · hạn {formatDate(item.dueDate)}</small>}{' '}
            <Link to={`/ho-so/${item.id}`}>xem hồ sơ</Link>
            {item.missingDocuments.length > 0 && <small className="field-problem"> · còn thiếu: {item.missingDocuments.map((document) => document.name).join('; ')}</small>}
          </label>
        ))}
      </fieldset>
      <div className="grid-3">
        <Field label="Số văn bản" id={`${idPrefix}-number`} hint={first.act === 'decision' ? 'Ví dụ 125 hoặc 125/QĐ-UBND' : 'Ví dụ 45 hoặc 45/TTr-UBND'} problems={error?.problemsOf('number')}>
          <input id={`${idPrefix}-number`} required value={number} onChange={(event) => setNumber(event.target.value)} />
        </Field>
        <Field label="Ngày ký" id={`${idPrefix}-date`} problems={error?.problemsOf('date')}>
          <input id={`${idPrefix}-date`} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        </Field>
        <Field label="Trích yếu (không bắt buộc)" id={`${idPrefix}-title`} problems={error?.problemsOf('title')}>
          <input id={`${idPrefix}-title`} value={title} onChange={(event) => setTitle(event.target.value)} placeholder="Để trống: theo hình thức khen thưởng" />
        </Field>
      </div>
      <label className="check-row">
        <input type="checkbox" checked={deputy} onChange={(event) => setDeputy(event.target.checked)} /> Cấp phó ký thay (KT. CHỦ TỊCH)
      </label>
      <ErrorBox error={error} title="Chưa ký được" />
      <button type="submit" className="button-primary" disabled={busy || !chosen.length}>
        {busy ? 'Đang ký…' : `Ký ${first.act === 'decision' ? 'Quyết định' : 'Tờ trình'} cho ${chosen.length} hồ sơ`}
      </button>
    </form>
  );
}

function DecisionRow({ decision }: { decision: DecisionView }) {
  const [error, setError] = useState<ApiError | null>(null);
  const download = (path: string, name: string) => api.download(path, name).catch((caught) => setError(errorOf(caught)));
  return (
    <li className="decision">
      <div>
        <strong>
          {decision.kindLabel} số {decision.number}
        </strong>{' '}
        ngày {formatDate(decision.date)} — {decision.title}
      </div>
      <small className="muted">
        {decision.organization.name}
        {decision.addressedTo ? ` → ${decision.addressedTo.name}` : ''} · {decision.signer.deputy ? 'KT. ' : ''}
        {decision.signer.fullName} · {decision.items.length} hồ sơ: {decision.items.map((item) => item.nomineeName).join(', ')}
      </small>
      <div className="actions">
        <button type="button" className="button-quiet" onClick={() => void download(decision.links.document, `${decision.kindLabel} số ${decision.number}.docx`)}>
          Tải {decision.kindLabel} (DOCX)
        </button>
        <button type="button" className="button-quiet" onClick={() => void download(decision.links.annex, `Danh sách kèm theo ${decision.number}.docx`)}>
          Danh sách kèm theo (DOCX)
        </button>
        {decision.links.certificatesDocument && (
          <button type="button" className="button-quiet" onClick={() => void download(decision.links.certificatesDocument!, `Giấy khen ${decision.number}.docx`)}>
            Giấy khen, Bằng khen để in (DOCX)
          </button>
        )}
      </div>
      <ErrorBox error={error} />
    </li>
  );
}
