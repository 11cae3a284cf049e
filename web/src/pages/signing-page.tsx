import { useState, type FormEvent } from 'react';
import { api, errorOf, type ApiError } from '../api';
import { ErrorBox, Field, Loading, NominationTable, Section, useLoad } from '../components/common';
import { formatDate, nomineeName, vietnamToday } from '../labels';
import { Link } from '../router';
import type { NominationView, Page } from '../types';

/** What awaits the signer's signature (dossiers whose allowed steps include SIGN), each signed with its number. */
export function SigningPage() {
  const list = useLoad(() => api.get<Page<NominationView>>('/api/nominations', { pageSize: 100 }), []);
  const waiting = list.data?.items.filter((item) => item.allowedEvents.includes('SIGN')) ?? [];
  const signed = list.data?.items.filter((item) => item.signatures.length > 0) ?? [];
  return (
    <>
      <h1>Hồ sơ chờ ký</h1>
      <ErrorBox error={list.error} />
      {list.loading && !list.data && <Loading what="hồ sơ" />}
      <Section title={`Chờ ký (${waiting.length})`} id="waiting-signature">
        {list.data && waiting.length === 0 && <p className="muted">Không có hồ sơ nào chờ bạn ký.</p>}
        <ul className="sign-list">
          {waiting.map((item) => (
            <SignRow key={item.id} nomination={item} onSigned={() => void list.reload()} />
          ))}
        </ul>
      </Section>
      <Section title="Đã ký" id="signed">
        <NominationTable items={signed} empty="Chưa có văn bản nào được ký." />
      </Section>
    </>
  );
}

function SignRow({ nomination, onSigned }: { nomination: NominationView; onSigned: () => void }) {
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(vietnamToday());
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const grants = nomination.route.at(-1)?.level === nomination.level;
  async function sign(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/nominations/${nomination.id}/events`, { type: 'SIGN', number: number.trim(), date }, { 'If-Match': `"${nomination.version}"` });
      onSigned();
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setBusy(false);
    }
  }
  const idPrefix = `sign-${nomination.id}`;
  return (
    <li className="sign-row card-inner">
      <div>
        <Link to={`/ho-so/${nomination.id}`}>
          <strong>{nomineeName(nomination.nominee)}</strong>
        </Link>{' '}
        — {nomination.formName} · {nomination.organizationName}
        <div className="muted">
          {grants ? 'Ký quyết định khen thưởng' : 'Ký tờ trình đề nghị cấp trên'} · chờ từ {formatDate(nomination.deadlines.current?.startedAt ?? nomination.updatedAt)}
        </div>
      </div>
      <form className="inline-form" onSubmit={sign} aria-label={`Ký hồ sơ ${nomineeName(nomination.nominee)}`}>
        <Field label={grants ? 'Số quyết định' : 'Số tờ trình'} id={`${idPrefix}-number`} problems={error?.problemsOf('number')}>
          <input id={`${idPrefix}-number`} required value={number} onChange={(event) => setNumber(event.target.value)} placeholder={grants ? '125/QĐ-UBND' : '45/TTr-UBND'} />
        </Field>
        <Field label="Ngày ký" id={`${idPrefix}-date`} problems={error?.problemsOf('date')}>
          <input id={`${idPrefix}-date`} type="date" value={date} onChange={(event) => setDate(event.target.value)} />
        </Field>
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Đang ký…' : 'Ký'}
        </button>
      </form>
      <ErrorBox error={error} title="Chưa ký được" />
    </li>
  );
}
