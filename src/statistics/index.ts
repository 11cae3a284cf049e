import { CampaignTitles } from './campaign-titles';
import { StatisticsLabels } from './statistics-labels';
import { StatisticsService } from './statistics.service';

export { StatisticsController } from './statistics.controller';
export { StatisticsService } from './statistics.service';

export const STATISTICS_PROVIDERS = [CampaignTitles, StatisticsLabels, StatisticsService];
