import { useState, type FormEvent } from 'react';
import { api, errorOf, type ApiError } from '../api';
import { Link } from '../router';
import { ErrorBox, Field, Section } from './common';

interface ImportReport {
  dryRun: boolean;
  sheet: string;
  total: number;
  ignoredColumns: string[];
  accepted: Array<{ row: number; nominationId: string | null; formName: string; nomineeName: string; organizationName: string }>;
  refused: Array<{ row: number; problems: Array<{ column: string | null; message: string }> }>;
}

/** A list of nominations from Excel (POST /api/nominations/import): check first (dryRun), then create the drafts. */
export function SpreadsheetImport({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('dryRun', String(dryRun));
    form.append('file', file, file.name);
    setError(null);
    setReport(null);
    setProgress(0);
    try {
      const answer = await api.upload<ImportReport>('/api/nominations/import', form, setProgress);
      setReport(answer);
      if (!answer.dryRun && answer.accepted.length) onImported();
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setProgress(null);
    }
  }

  return (
    <Section title="Nhập danh sách đề nghị từ Excel" id="spreadsheet-import">
      <p className="muted">
        Mỗi dòng hợp lệ thành một hồ sơ nháp.{' '}
        <button type="button" className="button-link" onClick={() => api.download('/api/nominations/import/template.xlsx', 'Mẫu danh sách đề nghị khen thưởng.xlsx').catch((caught) => setError(errorOf(caught)))}>
          Tải mẫu danh sách (XLSX)
        </button>
      </p>
      <form onSubmit={submit} aria-label="Nhập danh sách từ Excel">
        <Field label="Tệp danh sách (XLSX)" id="import-file" problems={error?.problemsOf('file')}>
          <input id="import-file" type="file" accept=".xlsx" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        </Field>
        <label className="check-row">
          <input type="checkbox" checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} /> Chỉ kiểm tra, chưa tạo hồ sơ
        </label>
        {progress !== null && <progress max={1} value={progress} aria-label="Tiến độ tải lên" />}
        <ErrorBox error={error} title="Chưa nhập được" />
        <button type="submit" className="button-primary" disabled={!file || progress !== null}>
          {dryRun ? 'Kiểm tra danh sách' : 'Nhập danh sách'}
        </button>
      </form>
      {report && (
        <div className="import-report" role="status">
          <p>
            <strong>
              {report.dryRun ? 'Kết quả kiểm tra' : 'Kết quả nhập'} trang “{report.sheet}”:
            </strong>{' '}
            {report.accepted.length}/{report.total} dòng hợp lệ{report.dryRun ? '' : ' đã thành hồ sơ nháp'}, {report.refused.length} dòng bị từ chối.
          </p>
          {report.ignoredColumns.length > 0 && <p className="muted">Cột không đọc: {report.ignoredColumns.join(', ')}</p>}
          {report.refused.length > 0 && (
            <ul>
              {report.refused.map((row) => (
                <li key={row.row} className="field-problem">
                  Dòng {row.row}: {row.problems.map((problem) => (problem.column ? `${problem.column}: ${problem.message}` : problem.message)).join('; ')}
                </li>
              ))}
            </ul>
          )}
          {report.accepted.length > 0 && (
            <ul>
              {report.accepted.map((row) => (
                <li key={row.row}>
                  Dòng {row.row}: {row.nominationId ? <Link to={`/ho-so/${row.nominationId}`}>{row.nomineeName}</Link> : row.nomineeName} — {row.formName} · {row.organizationName}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Section>
  );
}
