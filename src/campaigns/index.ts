import { CampaignMembership } from './campaign-membership';
import { CampaignReportsService } from './campaign-reports.service';
import { CampaignReviewCheck, CampaignReviewListener } from './campaign-review.check';
import { CampaignScope } from './campaign-scope';
import { CampaignsService } from './campaigns.service';
import { PlanImportService } from './plan-import.service';

export { CampaignsController } from './campaigns.controller';
export { CampaignMembership, CampaignReportsService, CampaignReviewCheck, CampaignReviewListener, CampaignScope, CampaignsService, PlanImportService };

export { CAMPAIGN_ENTITIES } from './entities';

export const CAMPAIGN_PROVIDERS = [CampaignScope, CampaignMembership, CampaignsService, CampaignReportsService, PlanImportService, CampaignReviewCheck, CampaignReviewListener];
