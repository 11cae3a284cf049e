import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { badInput } from '../common/app-error';

export class ListCampaignsQueryDto {
  @IsOptional() @IsUUID('all', { message: 'phải là mã định danh (UUID)' }) issuingOrganizationId?: string;
  @IsOptional() @IsIn(['active', 'closed'], { message: 'phải là active hoặc closed' }) status?: 'active' | 'closed';
  @IsOptional() @Matches(/^[1-9]\d{0,5}$/, { message: 'phải là số nguyên dương' }) page?: string;
  @IsOptional() @Matches(/^([1-9]\d?|100)$/, { message: 'phải là số nguyên từ 1 đến 100' }) pageSize?: string;
}

export class ReportsQueryDto {
  @IsOptional() @Matches(/^\d{4}$/, { message: 'phải là năm, ví dụ 2026' }) year?: string;
}

/** A JSON body that must be an object (the campaign's fields are checked by the pure validator). */
export function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badInput('Nội dung yêu cầu phải là một đối tượng JSON');
  return body as Record<string, unknown>;
}
