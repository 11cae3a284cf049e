import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { api, errorOf, type ApiError } from '../api';
import { formatBytes, formatDateTime } from '../labels';
import type { Checklist, DocumentEntry } from '../types';
import { ErrorBox, Field } from './common';

/** What the form requires of this dossier: present or missing, which step checks it, who provides it. */
export function ChecklistView({ checklist }: { checklist: Checklist }) {
  if (!checklist.items.length) return <p className="muted">Hình thức này không yêu cầu tài liệu.</p>;
  return (
    <ul className="checklist">
      {checklist.items.map((item) => (
        <li key={`${item.code}-${item.level}`} className={item.state}>
          <span className={`badge ${item.state === 'present' ? 'tone-ok' : item.checkedFromCurrentState ? 'tone-bad' : 'tone-muted'}`}>{item.state === 'present' ? 'Đã có' : 'Còn thiếu'}</span>{' '}
          <strong>{item.label}</strong>
          <small className="muted">
            {' '}
            · {item.providedBy.organizationName ?? 'cơ quan phụ trách'} cung cấp · kiểm tra khi {item.checks.map((check) => `“${check.eventLabel}”`).join(', ')}
          </small>
        </li>
      ))}
    </ul>
  );
}

export function DocumentList({ documents }: { documents: DocumentEntry[] }) {
  const [error, setError] = useState<ApiError | null>(null);
  if (!documents.length) return <p className="muted">Hồ sơ chưa có tài liệu nào.</p>;
  const download = (path: string, name: string) => api.download(path, name).catch((caught) => setError(errorOf(caught)));
  return (
    <>
      <ErrorBox error={error} />
      <ul className="documents">
        {documents.map((entry) => (
          <li key={`${entry.code}-${entry.level}`}>
            <div>
              <strong>{entry.name}</strong> <small className="muted">({entry.levelLabel})</small>
            </div>
            <button type="button" className="button-link" onClick={() => void download(entry.current.contentUrl, entry.current.fileName)}>
              {entry.current.fileName}
            </button>
            <small className="muted">
              {' '}
              · phiên bản {entry.current.version} · {formatBytes(entry.current.sizeBytes)} · {entry.current.uploadedBy.username}, {formatDateTime(entry.current.uploadedAt)}
            </small>
            {entry.earlierVersions.length > 0 && (
              <details>
                <summary>Phiên bản trước ({entry.earlierVersions.length})</summary>
                <ul>
                  {entry.earlierVersions.map((version) => (
                    <li key={version.id}>
                      <button type="button" className="button-link" onClick={() => void download(version.contentUrl, version.fileName)}>
                        {version.fileName}
                      </button>{' '}
                      <small className="muted">phiên bản {version.version}</small>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Drag a file here (or choose it), pick which document it is, watch the upload's progress. */
export function UploadZone({ nominationId, checklist, onUploaded }: { nominationId: string; checklist: Checklist; onUploaded: () => void }) {
  const kinds = checklist.items;
  const firstMissing = kinds.find((item) => item.state === 'missing' && item.checkedFromCurrentState) ?? kinds.find((item) => item.state === 'missing') ?? kinds[0];
  const [slot, setSlot] = useState(firstMissing ? `${firstMissing.code}|${firstMissing.level}` : '');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files?.[0];
    if (dropped) setFile(dropped);
  };

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file || !slot) return;
    const [code, level] = slot.split('|');
    const form = new FormData();
    form.append('code', code);
    if (level) form.append('level', level);
    form.append('file', file, file.name);
    setError(null);
    setDone(null);
    setProgress(0);
    try {
      await api.upload(`/api/nominations/${nominationId}/documents`, form, setProgress);
      setDone(`Đã tải lên “${file.name}”.`);
      setFile(null);
      if (input.current) input.current.value = '';
      const next = kinds.find((item) => item.state === 'missing' && `${item.code}|${item.level}` !== slot);
      if (next) setSlot(`${next.code}|${next.level}`);
      onUploaded();
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setProgress(null);
    }
  }

  if (!kinds.length) return null;
  return (
    <form className="upload" onSubmit={upload} aria-label="Tải lên tài liệu">
      <Field label="Loại tài liệu" id="upload-code" problems={error?.problemsOf('code')}>
        <select id="upload-code" value={slot} onChange={(event) => setSlot(event.target.value)}>
          {kinds.map((item) => (
            <option key={`${item.code}|${item.level}`} value={`${item.code}|${item.level}`}>
              {item.label}
              {item.state === 'present' ? ' (đã có — tải phiên bản mới)' : ''}
            </option>
          ))}
        </select>
      </Field>
      <label
        htmlFor="upload-file"
        className={`dropzone ${dragging ? 'dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span>{file ? `${file.name} (${formatBytes(file.size)})` : 'Kéo thả tệp vào đây, hoặc bấm để chọn tệp (PDF, DOCX, XLSX, JPEG, PNG)'}</span>
        <input id="upload-file" ref={input} type="file" accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      </label>
      {progress !== null && (
        <div className="progress">
          <progress max={1} value={progress} aria-label="Tiến độ tải lên" />
          <span>{Math.round(progress * 100)}%</span>
        </div>
      )}
      <ErrorBox error={error} title="Chưa tải lên được" />
      {done && (
        <p className="success" role="status">
          {done}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={!file || progress !== null}>
        Tải lên
      </button>
    </form>
  );
}
