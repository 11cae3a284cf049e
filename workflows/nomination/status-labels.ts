import type { Level } from '../catalog/types';

export const LEVEL_LABELS: Record<Level, string> = {
  commune: 'cấp xã',
  agency: 'cấp cơ quan',
  province: 'cấp tỉnh',
  central: 'cấp Trung ương',
};

export const STEP_LABELS: Record<string, string> = {
  draft: 'Đang soạn hồ sơ',
  received: 'Chờ tiếp nhận hồ sơ',
  appraisal: 'Đang thẩm định hồ sơ',
  supplementRequested: 'Yêu cầu bổ sung hồ sơ',
  councilReview: 'Chờ Hội đồng Thi đua – Khen thưởng xét',
  awaitingSignature: 'Chờ người có thẩm quyền ký',
  awaitingExternalDecision: 'Chờ quyết định của cấp trên',
  awarded: 'Đã được khen thưởng',
  rejected: 'Không được khen thưởng',
  withdrawn: 'Đã rút hồ sơ',
  revoked: 'Đã hủy bỏ quyết định khen thưởng',
};

export const EVENT_LABELS: Record<string, string> = {
  SUBMIT: 'Gửi hồ sơ',
  ACCEPT: 'Tiếp nhận hồ sơ',
  REQUEST_SUPPLEMENT: 'Yêu cầu bổ sung',
  RESUBMIT: 'Nộp bổ sung',
  APPRAISAL_PASSED: 'Thẩm định đạt',
  APPRAISAL_REJECTED: 'Thẩm định không đạt',
  COUNCIL_APPROVED: 'Hội đồng đồng ý',
  COUNCIL_REJECTED: 'Hội đồng không đồng ý',
  SIGN: 'Ký',
  DECLINED: 'Không ký',
  RECORD_EXTERNAL_DECISION: 'Ghi nhận quyết định của cấp trên',
  RECORD_EXTERNAL_REJECTION: 'Ghi nhận văn bản không khen thưởng của cấp trên',
  WITHDRAW: 'Rút hồ sơ',
  REVOKE: 'Hủy bỏ quyết định khen thưởng',
};

/** "Đang thẩm định hồ sơ (cấp xã)" for `commune.appraisal`. */
export function statusLabel(statePath: string): string {
  const [head, step] = statePath.split('.');
  if (!step) return STEP_LABELS[head] ?? head;
  return `${STEP_LABELS[step] ?? step} (${LEVEL_LABELS[head as Level] ?? head})`;
}
