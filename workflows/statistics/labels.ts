import type { AwardCategory, Level, NomineeKind } from '../catalog/types';
import { LEVEL_LABELS, statusLabel } from '../nomination/status-labels';
import type { StatisticsDimension } from './dimensions';
import { monthLabel } from './months';

export const REVIEW_LABELS: Record<string, string> = { midterm: 'Sơ kết', final: 'Tổng kết' };

export const NOMINEE_KIND_HEADINGS: Record<NomineeKind, string> = { individual: 'Cá nhân', collective: 'Tập thể', household: 'Hộ gia đình' };

export const AWARD_CATEGORY_LABELS: Record<AwardCategory, string> = { title: 'Danh hiệu thi đua', form: 'Hình thức khen thưởng' };

/** "Cấp xã" for a heading (LEVEL_LABELS is written for the middle of a sentence). */
export function levelHeading(level: Level | string): string {
  const label = LEVEL_LABELS[level as Level] ?? level;
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Names the service reads from the catalog and the database, looked up by the keys the counts carry. */
export interface LabelLookups {
  formName(code: string): string | undefined;
  organizationName(id: string): string | undefined;
  campaignTitle(id: string): string | undefined;
}

/** The Vietnamese label of one key of a grouped count; a key nothing names shows as itself. */
export function dimensionLabel(dimension: StatisticsDimension, value: string | number | null, lookups: LabelLookups): string {
  switch (dimension) {
    case 'campaign':
      return value === null ? 'Khen thưởng hằng năm (không thuộc phong trào)' : (lookups.campaignTitle(String(value)) ?? String(value));
    case 'review':
      return value === null ? 'Không thuộc đợt sơ kết, tổng kết' : (REVIEW_LABELS[String(value)] ?? String(value));
    case 'form':
      return lookups.formName(String(value)) ?? String(value);
    case 'organization':
      return lookups.organizationName(String(value)) ?? String(value);
    case 'state':
      return statusLabel(String(value));
    case 'year':
      return value === null ? 'Chưa xác định năm' : `Năm ${value}`;
    case 'month':
      return value === null ? 'Chưa gửi hồ sơ' : monthLabel(String(value));
  }
}
