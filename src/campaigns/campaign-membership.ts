import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REVIEW_KINDS, REVIEW_LABELS } from '../../workflows/campaigns/campaign-rules';
import type { ReviewKind } from '../../workflows/campaigns/campaign-types';
import { badInput, notFound, ruleRefused } from '../common/app-error';
import type { OrganizationEntity } from '../organizations/organization.entity';
import { CampaignEntity } from './campaign.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CampaignChoice {
  campaignId: string | null;
  campaignReview: ReviewKind | null;
}

/**
 * Which campaign a nomination is drafted within: one of the proposing unit's own organization or above (its
 * commune's, its province's), still running; and, if one is named, a review (sơ kết / tổng kết) that campaign has.
 * Whether that review is open and allows the form is decided at `SUBMIT` (CampaignReviewCheck).
 */
@Injectable()
export class CampaignMembership {
  async resolve(manager: EntityManager, ownerLineage: OrganizationEntity[], campaignId: unknown, campaignReview: unknown): Promise<CampaignChoice> {
    const review = campaignReview === undefined || campaignReview === null ? null : (campaignReview as ReviewKind);
    if (review !== null && !REVIEW_KINDS.includes(review)) {
      throw badInput('Đợt khen thưởng của phong trào phải là midterm (sơ kết) hoặc final (tổng kết)', {
        fields: [{ field: 'campaignReview', problems: ['phải là midterm hoặc final'] }],
      });
    }
    if (campaignId === undefined || campaignId === null) {
      if (review) {
        throw badInput('Chỉ chọn đợt sơ kết, tổng kết khi hồ sơ thuộc một phong trào thi đua (campaignId)', {
          fields: [{ field: 'campaignReview', problems: ['cần có campaignId'] }],
        });
      }
      return { campaignId: null, campaignReview: null };
    }
    if (typeof campaignId !== 'string' || !UUID.test(campaignId)) {
      throw badInput('Mã phong trào thi đua không hợp lệ', { fields: [{ field: 'campaignId', problems: ['phải là mã định danh (UUID) của một phong trào thi đua'] }] });
    }
    const campaign = await manager.findOneBy(CampaignEntity, { id: campaignId });
    if (!campaign || !ownerLineage.some((organization) => organization.id === campaign.issuingOrganizationId)) {
      throw notFound('Không tìm thấy phong trào thi đua này trong các phong trào mà đơn vị tham gia', { field: 'campaignId' });
    }
    if (campaign.status === 'closed') {
      throw ruleRefused(`Phong trào thi đua “${campaign.title}” đã kết thúc: không lập thêm hồ sơ trong phong trào này`, { rule: 'campaign-open', campaignId });
    }
    if (review && !campaign.definition.reviews.some((candidate) => candidate.kind === review)) {
      throw badInput(`Phong trào thi đua “${campaign.title}” không có đợt ${REVIEW_LABELS[review]}`, {
        fields: [{ field: 'campaignReview', problems: [`phong trào không có đợt ${REVIEW_LABELS[review]}`] }],
      });
    }
    return { campaignId, campaignReview: review };
  }
}
