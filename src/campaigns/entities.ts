import { CampaignDraftEntity } from './campaign-draft.entity';
import { CampaignReportEntity } from './campaign-report.entity';
import { CampaignEntity } from './campaign.entity';

export const CAMPAIGN_ENTITIES = [CampaignDraftEntity, CampaignEntity, CampaignReportEntity];
