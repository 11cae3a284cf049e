import { useState, type FormEvent } from 'react';
import { api, errorOf, type ApiError } from '../api';
import { useAuth } from '../auth';
import { ErrorBox, Field, Loading, Section, useLoad } from '../components/common';
import { formatDate } from '../labels';
import { Link, useRouter } from '../router';
import type { CampaignView } from './campaign-types';

/** The campaigns in the caller's reach, and (for an appraisal office) a plan to import as a new draft. */
export function CampaignsPage() {
  const { has } = useAuth();
  const campaigns = useLoad(() => api.get<{ items: CampaignView[]; total: number }>('/api/campaigns', { pageSize: 100 }), []);
  return (
    <>
      <h1>Phong trào thi đua</h1>
      <Section title="Các phong trào" id="campaign-list">
        <ErrorBox error={campaigns.error} />
        {campaigns.loading && !campaigns.data && <Loading what="phong trào" />}
        {campaigns.data?.items.length === 0 && <p className="muted">Chưa có phong trào nào.</p>}
        <ul className="plain campaign-list">
          {campaigns.data?.items.map((campaign) => (
            <li key={campaign.id}>
              <Link to={`/phong-trao/${campaign.id}`}>
                <strong>{campaign.title}</strong>
              </Link>
              <small className="muted">
                {' '}
                · {campaign.issuingOrganization?.name ?? campaign.issuingOrganizationName}
                {campaign.planNumber ? ` · Kế hoạch số ${campaign.planNumber}` : ''}
                {campaign.planDate ? ` ngày ${formatDate(campaign.planDate)}` : ''} · {campaign.period?.text} · {campaign.status === 'active' ? 'đang diễn ra' : 'đã kết thúc'}
              </small>
            </li>
          ))}
        </ul>
      </Section>
      {has('appraiser') && <ImportPlan />}
    </>
  );
}

function ImportPlan() {
  const { navigate } = useRouter();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      let draft: { id: string };
      if (file) {
        const form = new FormData();
        form.append('file', file, file.name);
        setProgress(0);
        draft = await api.upload<{ id: string }>('/api/campaigns/import', form, setProgress);
      } else {
        draft = await api.post<{ id: string }>('/api/campaigns/import', { text });
      }
      navigate(`/phong-trao/nhap/${draft.id}`);
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setProgress(null);
    }
  }

  return (
    <Section title="Nhập kế hoạch phát động phong trào" id="import-plan">
      <form onSubmit={submit} aria-label="Nhập kế hoạch">
        <p className="muted">Dán nội dung kế hoạch, hoặc chọn tệp văn bản (TXT) hoặc Word (DOCX). Hệ thống đọc thành bản nháp; mỗi trường kèm câu trích từ kế hoạch để bạn kiểm tra trước khi xác nhận.</p>
        <Field label="Nội dung kế hoạch" id="plan-text" problems={error?.problemsOf('text')}>
          <textarea id="plan-text" rows={8} value={text} onChange={(event) => setText(event.target.value)} disabled={!!file} />
        </Field>
        <Field label="Hoặc tệp kế hoạch" id="plan-file" problems={error?.problemsOf('file')}>
          <input id="plan-file" type="file" accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </Field>
        {progress !== null && <progress max={1} value={progress} aria-label="Tiến độ tải lên" />}
        <ErrorBox error={error} title="Chưa đọc được kế hoạch" />
        <button type="submit" className="button-primary" disabled={!file && !text.trim()}>
          Đọc kế hoạch
        </button>
      </form>
    </Section>
  );
}
