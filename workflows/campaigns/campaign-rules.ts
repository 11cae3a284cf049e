import type { CampaignReview, ReportDuty, ReviewKind } from './campaign-types';

/** "sơ kết", "tổng kết": a review as the plans name it. */
export const REVIEW_LABELS: Record<ReviewKind, string> = { midterm: 'sơ kết', final: 'tổng kết' };

export const REVIEW_KINDS: readonly ReviewKind[] = ['midterm', 'final'];

/** `2028-06-30` → `30/06/2028`, the way a Vietnamese document writes a date. */
export function vietnameseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** A review is open on every day of its period, both ends included (dates in Vietnam time). */
export function isReviewOpenOn(review: Pick<CampaignReview, 'period'>, day: string): boolean {
  return review.period.from <= day && day <= review.period.to;
}

/** The review whose period covers the day (the first, should two overlap), or null. */
export function reviewOpenOn(reviews: CampaignReview[], day: string): CampaignReview | null {
  return reviews.find((review) => isReviewOpenOn(review, day)) ?? null;
}

export interface ReviewGateInput {
  campaignTitle: string;
  /** A closed campaign takes no more nominations, whatever its reviews say. */
  campaignClosed: boolean;
  reviews: CampaignReview[];
  /** The review the nomination names, or null to take the one open on the day. */
  chosen: ReviewKind | null;
  formCode: string;
  /** Vietnamese names of the catalog's forms, for the message. */
  formNames: Record<string, string>;
  /** The submission day (Vietnam time). */
  day: string;
}

export type ReviewGateVerdict =
  | { ok: true; review: CampaignReview }
  | { ok: false; rule: 'campaign-review-open' | 'campaign-form-allowed'; message: string; details: Record<string, unknown> };

function describeReview(review: CampaignReview): string {
  return `đợt ${REVIEW_LABELS[review.kind]} (từ ngày ${vietnameseDate(review.period.from)} đến ngày ${vietnameseDate(review.period.to)})`;
}

/**
 * Whether a nomination within a campaign may be submitted on `day`: the chosen review (or the one whose period
 * covers the day) must be open that day and list the nomination's form among those it allows.
 */
export function judgeReviewGate(input: ReviewGateInput): ReviewGateVerdict {
  const { campaignTitle, reviews, chosen, formCode, formNames, day } = input;
  const reviewDetails = reviews.map((review) => ({ kind: review.kind, from: review.period.from, to: review.period.to }));
  if (input.campaignClosed) {
    return {
      ok: false,
      rule: 'campaign-review-open',
      message: `Phong trào thi đua “${campaignTitle}” đã kết thúc: không nhận thêm hồ sơ đề nghị khen thưởng`,
      details: { day, reviews: reviewDetails, closed: true },
    };
  }
  let review: CampaignReview | null;
  if (chosen) {
    review = reviews.find((candidate) => candidate.kind === chosen) ?? null;
    if (!review) {
      return {
        ok: false,
        rule: 'campaign-review-open',
        message: `Phong trào thi đua “${campaignTitle}” không có đợt ${REVIEW_LABELS[chosen]}`,
        details: { day, review: chosen, reviews: reviewDetails },
      };
    }
    if (!isReviewOpenOn(review, day)) {
      return {
        ok: false,
        rule: 'campaign-review-open',
        message: `Khen thưởng ${describeReview(review)} của phong trào “${campaignTitle}” không nhận hồ sơ vào ngày ${vietnameseDate(day)}`,
        details: { day, review: review.kind, from: review.period.from, to: review.period.to },
      };
    }
  } else {
    review = reviewOpenOn(reviews, day);
    if (!review) {
      const known = reviews.length ? `; các đợt: ${reviews.map(describeReview).join('; ')}` : '; kế hoạch chưa có đợt sơ kết, tổng kết nào';
      return {
        ok: false,
        rule: 'campaign-review-open',
        message: `Ngày ${vietnameseDate(day)} không trong đợt sơ kết hay tổng kết nào của phong trào “${campaignTitle}”${known}`,
        details: { day, reviews: reviewDetails },
      };
    }
  }
  if (!review.allowedFormCodes.includes(formCode)) {
    const allowed = review.allowedFormCodes.map((code) => formNames[code] ?? code);
    return {
      ok: false,
      rule: 'campaign-form-allowed',
      message: `Khen thưởng ${describeReview(review)} của phong trào “${campaignTitle}” không xét ${formNames[formCode] ?? formCode}; chỉ xét: ${allowed.join(', ') || 'không hình thức nào'}`,
      details: { day, review: review.kind, formCode, allowedFormCodes: review.allowedFormCodes },
    };
  }
  return { ok: true, review };
}

export type ReportStatus = 'submitted' | 'late' | 'missing' | 'pending';

/** The day a duty's report for `year` is due: its `MM-DD` in that year (29 February falls back to the 28th). */
export function reportDueDate(duty: Pick<ReportDuty, 'dueMonthDay'>, year: number): string {
  const [month, day] = duty.dueMonthDay.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/**
 * A unit's report against its due date. The plans say "trước ngày 10/11": a report is on time when it comes
 * before that day, late on it or after; without one, it is `missing` from that day on and `pending` before.
 */
export function reportStatus(dueDate: string, submittedOn: string | null, today: string): ReportStatus {
  if (submittedOn) return submittedOn < dueDate ? 'submitted' : 'late';
  return today >= dueDate ? 'missing' : 'pending';
}

/** The years a campaign's reports are owed: every year of its period. */
export function reportYears(period: { from: string; to: string }): number[] {
  const first = Number(period.from.slice(0, 4));
  const last = Number(period.to.slice(0, 4));
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => first + index);
}
