import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { ReviewKind } from '../../workflows/campaigns/campaign-types';
import { CampaignEntity } from '../campaigns/campaign.entity';
import { CampaignScope } from '../campaigns/campaign-scope';
import type { Principal } from '../identity/principal';

export interface CampaignForStatistics {
  id: string;
  title: string;
  planNumber: string | null;
  reviews: Array<{ kind: ReviewKind; allowedFormCodes: string[] }>;
}

/** What the statistics show of campaigns (src/campaigns): titles beside their ids, and a campaign's reviews. */
@Injectable()
export class CampaignTitles {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: CampaignScope,
  ) {}

  async titles(ids: Iterable<string | null>): Promise<Map<string, string>> {
    const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
    if (!wanted.length) return new Map();
    const rows = await this.dataSource.getRepository(CampaignEntity).find({ select: { id: true, title: true }, where: { id: In(wanted) } });
    return new Map(rows.map((row) => [row.id, row.title]));
  }

  /** The campaign as the caller may see it (404 when there is none, 403 when it is outside the caller's campaigns). */
  async visible(principal: Principal, id: string): Promise<CampaignForStatistics> {
    const campaign = await this.scope.assertVisible(principal, await this.dataSource.getRepository(CampaignEntity).findOneBy({ id }));
    return {
      id: campaign.id,
      title: campaign.title,
      planNumber: campaign.planNumber,
      reviews: campaign.definition.reviews.map((review) => ({ kind: review.kind, allowedFormCodes: review.allowedFormCodes })),
    };
  }
}
