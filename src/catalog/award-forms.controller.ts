import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { describeCouncilRule, toMermaid, vietnamDate, type AwardForm, type RuleSet } from '../../workflows';
import { badInput, notFound } from '../common/app-error';
import { CurrentUser } from '../identity/auth.decorators';
import type { Principal } from '../identity/principal';
import { OrganizationsService } from '../organizations/organizations.service';
import { renderDiagramSvg } from './diagram-svg';
import { WorkflowCatalog } from './workflow-catalog.service';

@ApiTags('Danh mục khen thưởng')
@ApiBearerAuth()
@Controller('award-forms')
export class AwardFormsController {
  constructor(
    private readonly catalog: WorkflowCatalog,
    private readonly organizations: OrganizationsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Các danh hiệu và hình thức khen thưởng theo bộ quy định đang có hiệu lực' })
  @ApiQuery({ name: 'jurisdiction', required: false, description: 'national hoặc mã tỉnh; mặc định tỉnh của người gọi' })
  @ApiQuery({ name: 'date', required: false, description: 'YYYY-MM-DD; mặc định hôm nay' })
  async list(@CurrentUser() principal: Principal, @Query('jurisdiction') jurisdiction?: string, @Query('date') date?: string) {
    const ruleSet = await this.ruleSetFor(principal, jurisdiction, date);
    return { ruleSet: describeRuleSet(ruleSet), items: ruleSet.forms.map((form) => this.describe(ruleSet, form)) };
  }

  @Get(':code')
  @ApiOperation({ summary: 'Một hình thức khen thưởng' })
  async get(@CurrentUser() principal: Principal, @Param('code') code: string, @Query('jurisdiction') jurisdiction?: string, @Query('date') date?: string) {
    const ruleSet = await this.ruleSetFor(principal, jurisdiction, date);
    return this.describe(ruleSet, findForm(ruleSet, code));
  }

  @Get(':code/diagram')
  @ApiOperation({ summary: 'Sơ đồ máy trạng thái của hình thức (Mermaid; ?format=svg cho hình vẽ)' })
  @ApiQuery({ name: 'format', required: false, enum: ['mermaid', 'svg'] })
  async diagram(
    @CurrentUser() principal: Principal,
    @Param('code') code: string,
    @Res() response: Response,
    @Query('format') format = 'mermaid',
    @Query('jurisdiction') jurisdiction?: string,
  ) {
    if (format !== 'mermaid' && format !== 'svg') {
      throw badInput('format phải là mermaid hoặc svg', { fields: [{ field: 'format', problems: ['giá trị không hợp lệ'] }] });
    }
    const ruleSet = await this.ruleSetFor(principal, jurisdiction);
    const form = findForm(ruleSet, code);
    const workflow = this.catalog.workflow(ruleSet.id, form.code);
    if (format === 'svg') {
      response.type('image/svg+xml').send(renderDiagramSvg(workflow.machine, form.name));
      return;
    }
    response.type('text/plain; charset=utf-8').send(toMermaid(workflow.machine, form.name));
  }

  private async ruleSetFor(principal: Principal, jurisdiction?: string, date?: string): Promise<RuleSet> {
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw badInput('date phải là ngày dạng YYYY-MM-DD', { fields: [{ field: 'date', problems: ['không đúng định dạng'] }] });
    }
    let province = jurisdiction ?? null;
    if (!province && principal.organizationId) {
      const lineage = await this.organizations.lineage(principal.organizationId);
      province = lineage.find((organization) => organization.kind === 'province')?.code ?? null;
    }
    try {
      return this.catalog.ruleSetInForce(province, date ?? vietnamDate(new Date()));
    } catch (error) {
      throw notFound((error as Error).message);
    }
  }

  private describe(ruleSet: RuleSet, form: AwardForm) {
    const documentName = (code: string) => ruleSet.documentKinds.find((kind) => kind.code === code)?.name ?? code;
    const workflow = this.catalog.workflow(ruleSet.id, form.code);
    return {
      code: form.code,
      name: form.name,
      category: form.category,
      nomineeKinds: form.nomineeKinds,
      route: [form.entryLevels.join('|'), ...form.upperLevels],
      entryLevels: form.entryLevels,
      upperLevels: form.upperLevels,
      levels: Object.fromEntries(
        Object.entries(form.levels).map(([level, rule]) => [level, { ...rule, councilDescription: describeCouncilRule(rule!.council) }]),
      ),
      grantingAuthority: form.grantingAuthority,
      requiredDocuments: form.requiredDocuments.map((doc) => ({ ...doc, name: documentName(doc.code) })),
      criteria: form.criteria,
      ruleSetId: ruleSet.id,
      machineVersion: workflow.version,
    };
  }
}

function findForm(ruleSet: RuleSet, code: string): AwardForm {
  const form = ruleSet.forms.find((candidate) => candidate.code === code);
  if (!form) throw notFound(`Không có hình thức khen thưởng mã "${code}"`);
  return form;
}

function describeRuleSet(ruleSet: RuleSet) {
  return { id: ruleSet.id, name: ruleSet.name, jurisdiction: ruleSet.jurisdiction, effectiveFrom: ruleSet.effectiveFrom, legalBasis: ruleSet.legalBasis };
}
