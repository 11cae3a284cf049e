import { EVENT_LABELS, LEVEL_LABELS, STEP_LABELS, statusLabel } from '../../workflows/nomination/status-labels';
import type { Nominee } from './types';

/** Vietnamese words for the API's codes; the workflow's own labels come from workflows/ (one source for both). */
export { EVENT_LABELS, LEVEL_LABELS, STEP_LABELS, statusLabel };

export const ROLE_LABELS: Record<string, string> = {
  submitter: 'Cán bộ đề nghị của đơn vị',
  appraiser: 'Cơ quan thẩm định',
  'council-secretary': 'Thư ký Hội đồng',
  'council-member': 'Thành viên Hội đồng',
  signer: 'Người có thẩm quyền ký',
  admin: 'Quản trị hệ thống',
};

export const NOMINEE_KIND_LABELS: Record<string, string> = {
  individual: 'Cá nhân',
  collective: 'Tập thể',
  household: 'Hộ gia đình',
};

export const CATEGORY_LABELS: Record<string, string> = {
  'civil-servant': 'Cán bộ, công chức, viên chức',
  'worker-farmer': 'Công nhân, nông dân, người lao động',
  entrepreneur: 'Doanh nhân',
  village: 'Thôn, bản',
  cooperative: 'Hợp tác xã',
  enterprise: 'Doanh nghiệp',
  agency: 'Cơ quan, đơn vị',
};

export const HISTORY_LABELS: Record<string, string> = {
  ...EVENT_LABELS,
  CREATED: 'Lập hồ sơ',
  DRAFT_UPDATED: 'Sửa hồ sơ',
  DOCUMENT_UPLOADED: 'Tải lên tài liệu',
};

export const NOTIFICATION_KIND_LABELS: Record<string, string> = {
  'action-required': 'Cần xử lý',
  outcome: 'Kết quả',
  overdue: 'Quá hạn',
};

export const VOTE_LABELS = { yes: 'Đồng ý', no: 'Không đồng ý', abstain: 'Phiếu trắng' } as const;

export const OUTCOME_LABELS: Record<string, string> = {
  approved: 'Được Hội đồng thông qua',
  rejected: 'Không được thông qua',
};

export function nomineeName(nominee: Nominee | null | undefined): string {
  return nominee?.fullName ?? nominee?.name ?? '—';
}

/** `2026-12-16` → `16/12/2026`, as Vietnamese offices write dates. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const day = value.slice(0, 10);
  const [year, month, date] = day.split('-');
  return year && month && date ? `${date}/${month}/${year}` : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  return at.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace('.', ',')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** Today in Vietnam (UTC+7), `YYYY-MM-DD`: the day due dates are judged against. */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

export const FINAL_STATES = ['awarded', 'rejected', 'withdrawn', 'revoked'];

/** The API's lower-case labels ("đang họp") as a badge or a sentence start shows them. */
export function capitalize(text: string): string {
  return text ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : text;
}

/** The API's field names (`details.fields[].field`) as the forms label them. */
export const FIELD_LABELS: Record<string, string> = {
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  reason: 'Lý do',
  items: 'Nội dung cần bổ sung',
  dueDate: 'Hạn bổ sung',
  note: 'Ghi chú',
  number: 'Số văn bản',
  date: 'Ngày',
  authority: 'Cơ quan',
  achievements: 'Thành tích',
  awardYear: 'Năm xét khen thưởng',
  formCode: 'Hình thức khen thưởng',
  criterion: 'Tiêu chuẩn',
  nomineeId: 'Đối tượng',
  nominee: 'Đối tượng',
  file: 'Tệp',
  code: 'Loại tài liệu',
  level: 'Cấp',
  meetingDate: 'Ngày họp',
  minutesNumber: 'Số biên bản',
  title: 'Tên, trích yếu',
  place: 'Địa điểm',
  kind: 'Loại',
  fullName: 'Họ và tên',
  name: 'Tên',
  dateOfBirth: 'Ngày sinh',
  taxCode: 'Mã số thuế',
  category: 'Nhóm đối tượng',
  'counts.members': 'Tổng số thành viên',
  'counts.present': 'Số thành viên có mặt',
  'counts.yes': 'Số phiếu đồng ý',
  'counts.no': 'Số phiếu không đồng ý',
  'counts.abstain': 'Số phiếu trắng',
  nominationIds: 'Hồ sơ',
  attendance: 'Điểm danh',
  year: 'Năm',
  'If-Match': 'Phiên bản hồ sơ',
};

export function fieldLabel(field: string, extra: Record<string, string> = {}): string {
  return extra[field] ?? FIELD_LABELS[field] ?? FIELD_LABELS[field.replace(/\.\d+.*$/, '')] ?? field;
}
