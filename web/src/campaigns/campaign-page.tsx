import { useState, type FormEvent } from 'react';
import { api, errorOf, type ApiError } from '../api';
import { useAuth } from '../auth';
import { ErrorBox, Field, Loading, Section, useLoad } from '../components/common';
import { formatDate, vietnamToday } from '../labels';
import { CAMPAIGN_FIELDS, describeValue } from './campaign-fields';
import type { AwardForm } from '../types';
import type { CampaignView, ReportStatus } from './campaign-types';

const REPORT_STATUS = {
  submitted: { label: 'Đã gửi đúng hạn', tone: 'tone-ok' },
  late: { label: 'Gửi muộn', tone: 'tone-warn' },
  missing: { label: 'Chưa gửi, đã quá hạn', tone: 'tone-bad' },
  pending: { label: 'Chưa đến hạn', tone: 'tone-muted' },
} as const;

/** One campaign: what its plan fixes, and each report duty with who has reported this year and who has not. */
export function CampaignPage({ id }: { id: string }) {
  const { has } = useAuth();
  const [year, setYear] = useState(Number(vietnamToday().slice(0, 4)));
  const campaign = useLoad(() => api.get<CampaignView>(`/api/campaigns/${id}`), [id]);
  const reports = useLoad(() => api.get<ReportStatus>(`/api/campaigns/${id}/reports`, { year }), [id, year]);
  const [downloadError, setDownloadError] = useState<ApiError | null>(null);
  const forms = useLoad(() => api.get<{ items: AwardForm[] }>('/api/award-forms'), []);
  const formNames = new Map((forms.data?.items ?? []).map((form) => [form.code, form.name]));

  if (campaign.error && !campaign.data) return <ErrorBox error={campaign.error} />;
  if (!campaign.data) return <Loading what="phong trào" />;
  const data = campaign.data;
  return (
    <>
      <p className="eyebrow">
        {data.issuingOrganization?.name ?? data.issuingOrganizationName}
        {data.planNumber ? ` · Kế hoạch số ${data.planNumber}` : ''}
        {data.planDate ? ` ngày ${formatDate(data.planDate)}` : ''}
      </p>
      <h1>{data.title}</h1>
      <p className="muted">
        {data.status === 'active' ? 'Đang diễn ra' : 'Đã kết thúc'}
        {data.openReview ? ` · Đang nhận hồ sơ ${data.openReview.kind === 'final' ? 'tổng kết' : 'sơ kết'} (${data.openReview.period.text})` : ''}
      </p>
      <Section title="Báo cáo định kỳ" id="reports">
        <Field label="Năm báo cáo" id="report-year">
          <input id="report-year" type="number" min={2000} max={2100} value={year} onChange={(event) => setYear(Number(event.target.value))} />
        </Field>
        <ErrorBox error={reports.error} />
        <ErrorBox error={downloadError} />
        {reports.data && (
          <>
            <p>
              Đã gửi {reports.data.counts.submitted} · gửi muộn {reports.data.counts.late} · <strong>chưa gửi khi đã quá hạn {reports.data.counts.missing}</strong> · chưa đến hạn {reports.data.counts.pending}
            </p>
            {reports.data.duties.length === 0 && <p className="muted">Kế hoạch không đặt chế độ báo cáo hằng năm.</p>}
            {reports.data.duties.map((duty) => (
              <div key={duty.index} className="duty">
                <h3>
                  {duty.reporters} báo cáo {duty.recipient} — hạn {formatDate(duty.dueDate)}
                </h3>
                <p className="muted">{duty.description}</p>
                <table className="table responsive">
                  <thead>
                    <tr>
                      <th scope="col">Đơn vị</th>
                      <th scope="col">Tình hình</th>
                      <th scope="col">Báo cáo</th>
                    </tr>
                  </thead>
                  <tbody>
                    {duty.items.map((item) => (
                      <tr key={item.organizationId}>
                        <td data-label="Đơn vị">{item.organizationName}</td>
                        <td data-label="Tình hình">
                          <span className={`badge ${REPORT_STATUS[item.status].tone}`}>{REPORT_STATUS[item.status].label}</span>
                          {item.submittedOn ? ` ${formatDate(item.submittedOn)}` : ''}
                        </td>
                        <td data-label="Báo cáo">
                          {item.report ? (
                            <button type="button" className="button-link" onClick={() => api.download(item.report!.contentUrl, item.report!.fileName).catch((caught) => setDownloadError(errorOf(caught)))}>
                              {item.report.fileName}
                            </button>
                          ) : (
                            <span className="muted">—</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          </>
        )}
        {has('submitter') && data.reportDuties.length > 0 && <ReportUpload campaign={data} year={year} onDone={() => void reports.reload()} />}
      </Section>
      <Section title="Nội dung kế hoạch" id="plan">
        <dl className="definition">
          {CAMPAIGN_FIELDS.map((spec) => {
            const lines = describeValue(spec, data[spec.key], formNames);
            return (
              <div key={spec.key}>
                <dt>{spec.label}</dt>
                <dd>{lines.length ? lines.length === 1 ? lines[0] : <ul>{lines.map((line, index) => <li key={index}>{line}</li>)}</ul> : <span className="muted">Không nêu</span>}</dd>
              </div>
            );
          })}
        </dl>
      </Section>
    </>
  );
}

function ReportUpload({ campaign, year, onDone }: { campaign: CampaignView; year: number; onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [duty, setDuty] = useState(String(campaign.reportDuties[0]?.index ?? 0));
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('year', String(year));
    form.append('duty', duty);
    form.append('file', file, file.name);
    setError(null);
    setDone(false);
    setProgress(0);
    try {
      await api.upload(`/api/campaigns/${campaign.id}/reports`, form, setProgress);
      setDone(true);
      onDone();
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setProgress(null);
    }
  }
  return (
    <form className="subform" onSubmit={submit} aria-label="Gửi báo cáo của đơn vị">
      <h3>Gửi báo cáo năm {year} của đơn vị</h3>
      {campaign.reportDuties.length > 1 && (
        <Field label="Nhiệm vụ báo cáo" id="report-duty">
          <select id="report-duty" value={duty} onChange={(event) => setDuty(event.target.value)}>
            {campaign.reportDuties.map((entry) => (
              <option key={entry.index} value={entry.index}>
                {entry.description}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label="Tệp báo cáo (PDF, DOCX, XLSX)" id="report-file" problems={error?.problemsOf('file')}>
        <input id="report-file" type="file" accept=".pdf,.docx,.xlsx" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      </Field>
      {progress !== null && <progress max={1} value={progress} aria-label="Tiến độ tải lên" />}
      <ErrorBox error={error} title="Chưa gửi được báo cáo" />
      {done && (
        <p className="success" role="status">
          Đã gửi báo cáo.
        </p>
      )}
      <button type="submit" className="button-primary" disabled={!file || progress !== null}>
        Gửi báo cáo
      </button>
    </form>
  );
}
