import { useState, type FormEvent } from 'react';
import { api, errorOf, type ApiError } from '../api';
import { EVENT_LABELS, vietnamToday } from '../labels';
import type { NominationView } from '../types';
import { ErrorBox, Field } from './common';

type FieldKind = 'text' | 'textarea' | 'lines' | 'date' | 'number';

interface PayloadField {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  hint?: string;
  initial?: () => string;
}

const COUNTS: PayloadField[] = [
  { name: 'counts.members', label: 'Tổng số thành viên Hội đồng', kind: 'number', required: true },
  { name: 'counts.present', label: 'Số thành viên có mặt', kind: 'number', required: true },
  { name: 'counts.yes', label: 'Số phiếu đồng ý', kind: 'number', required: true },
  { name: 'counts.no', label: 'Số phiếu không đồng ý', kind: 'number', required: true },
  { name: 'counts.abstain', label: 'Số phiếu trắng', kind: 'number', required: true },
  { name: 'meetingDate', label: 'Ngày họp', kind: 'date' },
  { name: 'minutesNumber', label: 'Số biên bản', kind: 'text' },
];

/** The payload of each event (README: "Events and their payloads"), as form fields. */
export const EVENT_FIELDS: Record<string, PayloadField[]> = {
  SUBMIT: [],
  ACCEPT: [],
  REQUEST_SUPPLEMENT: [
    { name: 'reason', label: 'Lý do yêu cầu bổ sung', kind: 'textarea', required: true },
    { name: 'items', label: 'Nội dung cần bổ sung (mỗi dòng một mục)', kind: 'lines', required: true },
    { name: 'dueDate', label: 'Hạn bổ sung', kind: 'date', hint: 'Để trống: theo quy định (5 ngày làm việc).' },
  ],
  RESUBMIT: [{ name: 'note', label: 'Ghi chú khi nộp bổ sung', kind: 'textarea' }],
  APPRAISAL_PASSED: [{ name: 'note', label: 'Ý kiến thẩm định', kind: 'textarea' }],
  APPRAISAL_REJECTED: [{ name: 'reason', label: 'Lý do không đạt', kind: 'textarea', required: true }],
  COUNCIL_APPROVED: COUNTS,
  COUNCIL_REJECTED: COUNTS,
  SIGN: [
    { name: 'number', label: 'Số văn bản (quyết định hoặc tờ trình)', kind: 'text', required: true, hint: 'Ví dụ 125/QĐ-UBND' },
    { name: 'date', label: 'Ngày ký', kind: 'date', initial: vietnamToday },
  ],
  DECLINED: [{ name: 'reason', label: 'Lý do không ký', kind: 'textarea', required: true }],
  RECORD_EXTERNAL_DECISION: [
    { name: 'number', label: 'Số quyết định', kind: 'text', required: true },
    { name: 'date', label: 'Ngày quyết định', kind: 'date', required: true },
    { name: 'authority', label: 'Cấp quyết định', kind: 'text', required: true },
  ],
  RECORD_EXTERNAL_REJECTION: [
    { name: 'number', label: 'Số văn bản', kind: 'text', required: true },
    { name: 'date', label: 'Ngày văn bản', kind: 'date', required: true },
    { name: 'authority', label: 'Cơ quan ban hành', kind: 'text', required: true },
    { name: 'reason', label: 'Lý do', kind: 'textarea', required: true },
  ],
  WITHDRAW: [{ name: 'reason', label: 'Lý do rút hồ sơ', kind: 'textarea' }],
  REVOKE: [
    { name: 'number', label: 'Số quyết định hủy bỏ', kind: 'text', required: true },
    { name: 'date', label: 'Ngày quyết định', kind: 'date', required: true },
    { name: 'reason', label: 'Lý do hủy bỏ', kind: 'textarea', required: true },
  ],
};

const NEGATIVE = new Set(['APPRAISAL_REJECTED', 'COUNCIL_REJECTED', 'DECLINED', 'WITHDRAW', 'REVOKE', 'RECORD_EXTERNAL_REJECTION']);

function buildPayload(type: string, values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = { type };
  for (const field of EVENT_FIELDS[type] ?? []) {
    const raw = (values[field.name] ?? '').trim();
    if (!raw) continue;
    const value = field.kind === 'number' ? Number(raw) : field.kind === 'lines' ? raw.split('\n').map((line) => line.trim()).filter(Boolean) : raw;
    const [head, tail] = field.name.split('.');
    if (tail) body[head] = { ...((body[head] as object) ?? {}), [tail]: value };
    else body[head] = value;
  }
  return body;
}

/**
 * The steps the workflow allows the caller now (`allowedEvents`), each a button that opens its form. The step is
 * sent with `If-Match` of the version on screen; a refusal is shown and every typed value stays.
 */
export function EventActions({ nomination, onDone }: { nomination: NominationView; onDone: (next: NominationView) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, Record<string, string>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  if (!nomination.allowedEvents.length) return <p className="muted">Bạn không có thao tác nào ở bước này.</p>;

  const choose = (type: string) => {
    setError(null);
    setOpen(open === type ? null : type);
    if (!values[type]) {
      const initial: Record<string, string> = {};
      for (const field of EVENT_FIELDS[type] ?? []) if (field.initial) initial[field.name] = field.initial();
      setValues({ ...values, [type]: initial });
    }
  };

  async function send(event: FormEvent, type: string) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<NominationView>(`/api/nominations/${nomination.id}/events`, buildPayload(type, values[type] ?? {}), { 'If-Match': `"${nomination.version}"` });
      setOpen(null);
      setValues({ ...values, [type]: {} });
      onDone(next);
    } catch (caught) {
      setError(errorOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="event-actions">
      <div className="actions" role="group" aria-label="Thao tác được phép">
        {nomination.allowedEvents.map((type) => (
          <button key={type} type="button" className={NEGATIVE.has(type) ? 'button-danger' : 'button-primary'} aria-expanded={open === type} onClick={() => choose(type)}>
            {EVENT_LABELS[type] ?? type}
          </button>
        ))}
      </div>
      {open && (
        <form className="subform" onSubmit={(event) => void send(event, open)} aria-label={EVENT_LABELS[open] ?? open}>
          <h3>{EVENT_LABELS[open] ?? open}</h3>
          {(EVENT_FIELDS[open] ?? []).length === 0 && <p>Xác nhận thực hiện bước “{EVENT_LABELS[open] ?? open}” cho hồ sơ này?</p>}
          {(EVENT_FIELDS[open] ?? []).map((field) => {
            const id = `event-${open}-${field.name.replace('.', '-')}`;
            const value = values[open]?.[field.name] ?? '';
            const update = (next: string) => setValues({ ...values, [open]: { ...values[open], [field.name]: next } });
            return (
              <Field key={field.name} label={field.label + (field.required ? ' *' : '')} id={id} hint={field.hint} problems={error?.problemsOf(field.name)}>
                {field.kind === 'textarea' || field.kind === 'lines' ? (
                  <textarea id={id} rows={3} required={field.required} value={value} onChange={(event) => update(event.target.value)} />
                ) : (
                  <input id={id} type={field.kind === 'number' ? 'number' : field.kind === 'date' ? 'date' : 'text'} min={field.kind === 'number' ? 0 : undefined} required={field.required} value={value} onChange={(event) => update(event.target.value)} />
                )}
              </Field>
            );
          })}
          <ErrorBox error={error} title="Chưa thực hiện được" labels={Object.fromEntries((EVENT_FIELDS[open] ?? []).map((field) => [field.name, field.label]))} />
          <div className="actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {busy ? 'Đang gửi…' : `Xác nhận: ${EVENT_LABELS[open] ?? open}`}
            </button>
            <button type="button" className="button-quiet" onClick={() => setOpen(null)}>
              Đóng
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
