import { useEffect, useState, type FormEvent } from 'react';
import { api, errorOf, type ApiError } from '../api';
import { ErrorBox, Loading, Section, useLoad } from '../components/common';
import { Link, useRouter } from '../router';
import { CAMPAIGN_FIELDS, describeValue, FieldEditor } from './campaign-fields';
import type { CampaignDraftView, CampaignView } from './campaign-types';

const STATUS_LABELS = { found: 'Đã đọc được', uncertain: 'Cần kiểm tra', 'not-found': 'Kế hoạch không nêu' } as const;
const STATUS_TONES = { found: 'tone-ok', uncertain: 'tone-warn', 'not-found': 'tone-muted' } as const;

/** The empty value a person confirms on purpose when the plan does not state a field. */
function emptyFor(kind: string): unknown {
  return kind === 'list' ? [] : null;
}

/**
 * Reviews a plan import: every field with the sentence of the plan it was read from, how sure the reading is and
 * why, and an editor; confirming sends every field as the person left it and creates the campaign.
 */
export function CampaignDraftPage({ id }: { id: string }) {
  const { navigate } = useRouter();
  const draft = useLoad(() => api.get<CampaignDraftView>(`/api/campaigns/drafts/${id}`), [id]);
  const [values, setValues] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!draft.data || values) return;
    const initial: Record<string, unknown> = {};
    for (const spec of CAMPAIGN_FIELDS) initial[spec.key] = draft.data.draft.fields[spec.key]?.value ?? emptyFor(spec.kind);
    setValues(initial);
  }, [draft.data, values]);

  if (draft.error && !draft.data) return <ErrorBox error={draft.error} />;
  if (!draft.data || !values) return <Loading what="bản nháp" />;
  const data = draft.data;

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const campaign = await api.post<CampaignView>(`/api/campaigns/drafts/${id}/confirm`, values);
      navigate(`/phong-trao/${campaign.id}`);
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p className="eyebrow">Bản nháp từ kế hoạch{data.sourceName ? `: ${data.sourceName}` : ''}</p>
      <h1>Kiểm tra và xác nhận phong trào</h1>
      {data.status === 'confirmed' && data.campaignId && (
        <p className="note note-ok">
          Bản nháp đã được xác nhận. <Link to={`/phong-trao/${data.campaignId}`}>Xem phong trào</Link>
        </p>
      )}
      {data.draft.unmappedForms.length > 0 && (
        <div className="note note-warn" role="note">
          <strong>Hình thức khen thưởng kế hoạch nêu nhưng không có trong danh mục:</strong>
          <ul>
            {data.draft.unmappedForms.map((form) => (
              <li key={form.text}>
                {form.text} — <q>{form.source}</q>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={confirm} aria-label="Xác nhận phong trào">
        {CAMPAIGN_FIELDS.map((spec) => {
          const extracted = data.draft.fields[spec.key];
          const preview = describeValue(spec, extracted?.value);
          return (
            <Section key={spec.key} title={spec.label} id={`draft-${spec.key}`}>
              <div className="draft-field">
                <div className="draft-source">
                  {extracted && <span className={`badge ${STATUS_TONES[extracted.status]}`}>{STATUS_LABELS[extracted.status]}</span>}
                  {extracted?.note && <p className="muted">{extracted.note}</p>}
                  {extracted?.sources.map((source) => (
                    <blockquote key={source} className="source">
                      {source}
                    </blockquote>
                  ))}
                  {preview.length > 0 && (
                    <details>
                      <summary>Giá trị đã đọc</summary>
                      <ul>
                        {preview.map((line, index) => (
                          <li key={index}>{line}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </div>
                <div className="draft-editor">
                  <FieldEditor spec={spec} value={values[spec.key]} onChange={(next) => setValues({ ...values, [spec.key]: next })} problems={error?.problemsOf(spec.key) ?? []} />
                </div>
              </div>
            </Section>
          );
        })}
        <div className="sticky-actions">
          <ErrorBox error={error} title="Chưa xác nhận được" labels={Object.fromEntries(CAMPAIGN_FIELDS.map((spec) => [spec.key, spec.label]))} />
          <button type="submit" className="button-primary" disabled={busy || data.status !== 'open'}>
            {busy ? 'Đang xác nhận…' : 'Xác nhận thành phong trào thi đua'}
          </button>
        </div>
      </form>
    </>
  );
}
