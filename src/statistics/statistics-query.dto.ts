import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = 'phải là ngày dạng YYYY-MM-DD';
export const FORMATS = ['json', 'xlsx'] as const;
export type StatisticsFormat = (typeof FORMATS)[number];
const FORMAT_MESSAGE = 'phải là json hoặc xlsx';

/** `?format=xlsx` on every statistics call. */
export class FormatQuery {
  @IsOptional() @IsIn(FORMATS as unknown as string[], { message: FORMAT_MESSAGE }) format?: StatisticsFormat;
}

/** GET /api/statistics/nominations: what to group by and which nominations to count. */
export class NominationStatisticsQuery extends FormatQuery {
  /** Comma-separated dimensions (checked by parseGroupBy, which names an unknown one). */
  @IsOptional() @IsString() @MaxLength(200) groupBy?: string;
  @IsOptional() @IsString() @MaxLength(36) campaignId?: string;
  @IsOptional() @IsIn(['midterm', 'final'], { message: 'phải là midterm (sơ kết) hoặc final (tổng kết)' }) review?: string;
  @IsOptional() @IsString() @MaxLength(64) formCode?: string;
  @IsOptional() @IsString() @MaxLength(36) organizationId?: string;
  /** A state path, a level (`commune` matches every `commune.*` step) or a final state. */
  @IsOptional() @IsString() @MaxLength(80) state?: string;
  /** The year judged (năm xét khen thưởng). */
  @IsOptional() @Matches(/^(19|20|21)\d{2}$/, { message: 'phải là năm gồm 4 chữ số' }) year?: string;
  /** Submitted on or after this day (Vietnam time). */
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) from?: string;
  /** Submitted on or before this day (Vietnam time). */
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) to?: string;
}

export class CampaignSummaryQuery extends FormatQuery {
  @IsOptional() @IsIn(['midterm', 'final'], { message: 'phải là midterm (sơ kết) hoặc final (tổng kết)' }) review?: 'midterm' | 'final';
}
