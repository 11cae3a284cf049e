import { Injectable } from '@nestjs/common';
import type { FormInfo, LabelLookups } from '../../workflows';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { NominationReader } from '../nominations/nomination-reader';
import { CampaignTitles } from './campaign-titles';

/** The names the statistics show beside their keys: forms from the catalog, organizations and campaigns from the database. */
@Injectable()
export class StatisticsLabels {
  private formsByCode: Map<string, FormInfo> | null = null;

  constructor(
    private readonly catalog: WorkflowCatalog,
    private readonly reader: NominationReader,
    private readonly campaigns: CampaignTitles,
  ) {}

  /** Every form code of every rule set; where several sets name one code, the latest set's name and route. */
  form(code: string): FormInfo | undefined {
    if (!this.formsByCode) {
      this.formsByCode = new Map();
      const sets = [...this.catalog.registry.ruleSets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
      for (const set of sets) {
        set.forms.forEach((form, order) => {
          this.formsByCode!.set(form.code, { code: form.code, name: form.name, category: form.category, upperLevels: form.upperLevels, order });
        });
      }
    }
    return this.formsByCode.get(code);
  }

  /** Lookups for the keys of one answer: organizations and campaigns are read once, for the ids it names. */
  async lookups(organizationIds: Iterable<string | null>, campaignIds: Iterable<string | null> = []): Promise<LabelLookups> {
    const organizations = await this.reader.organizationRefs(organizationIds);
    const campaigns = await this.campaigns.titles(campaignIds);
    return {
      formName: (code) => this.form(code)?.name,
      organizationName: (id) => organizations.get(id)?.name,
      campaignTitle: (id) => campaigns.get(id),
    };
  }
}
