import type { INestApplicationContext } from '@nestjs/common';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DataSource } from 'typeorm';
import { findDataDirectory, type Level, type Role } from '../../workflows';
import { CampaignReportsService } from '../campaigns/campaign-reports.service';
import { CampaignsService } from '../campaigns/campaigns.service';
import { DossierDocumentsService } from '../dossiers/dossier-documents.service';
import { PrincipalLoader } from '../identity/principal-loader';
import { UserEntity } from '../identity/user.entity';
import { UsersService } from '../identity/users.service';
import { AdvanceNominationUseCase } from '../nominations/advance-nomination.use-case';
import type { CreateNominationDto, NomineeDto } from '../nominations/dto/create-nomination.dto';
import type { LiftFlagDto, RecordAwardDto, RecordBlockResultDto, RecordFlagDto, RecordRatingDto } from '../nominees/dto';
import { NomineesService } from '../nominees/nominees.service';
import { parseEventCommand } from '../nominations/dto/nomination-event.dto';
import { NominationsService } from '../nominations/nominations.service';
import { nomineeDisplayName } from '../nominations/nominee';
import { OrganizationEntity, type OrganizationKind } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { sampleDocument } from './sample-documents';

interface DemoData {
  organizations: Array<{ key: string; name: string; kind: OrganizationKind; parent?: string; code?: string; appraisalOfficeName?: string }>;
  users: Array<{ username: string; password: string; fullName: string; organization: string | null; roles: Role[] }>;
  /** The registry: each entry with its history, recorded by the office that keeps it (`by`). */
  nominees?: Array<{
    by: string;
    organization: string;
    nominee: NomineeDto;
    ratings?: RecordRatingDto[];
    awards?: RecordAwardDto[];
    blockResults?: RecordBlockResultDto[];
    flags?: Array<RecordFlagDto & { lift?: LiftFlagDto }>;
  }>;
  nominations: Array<CreateNominationDto & { by: string; steps: DemoStep[] }>;
  /** Campaigns of data/demo/binh-lu-campaigns.json, created by `by` for `organization`, with units' reports. */
  campaigns?: DemoCampaign[];
}

interface DemoCampaign {
  key: string;
  by: string;
  organization: string;
  definition: Record<string, unknown>;
  /** A unit's report for a year, sent at `submittedAt` (a day before the seed runs, as offices sent them). */
  reports: Array<{ as: string; year: number; duty: number; fileName: string; submittedAt: string }>;
}

/**
 * One thing done to a demo nomination, in order: an event, or the upload of a document (generated at seed time: a
 * PDF, or a DOCX or XLSX by the extension of `fileName`, whose text is the document's Vietnamese name).
 */
type DemoStep = { as: string; event: Record<string, unknown> } | { as: string; upload: { code: string; fileName: string; level?: Level } };

export function readDemoData(file = join(findDataDirectory(), 'demo', 'binh-lu.json')): DemoData {
  const data = JSON.parse(readFileSync(file, 'utf8')) as DemoData;
  // The campaigns of the plans live beside the rest, in a file of their own.
  const campaigns = join(dirname(file), 'binh-lu-campaigns.json');
  if (!data.campaigns && existsSync(campaigns)) data.campaigns = (JSON.parse(readFileSync(campaigns, 'utf8')) as { campaigns: DemoCampaign[] }).campaigns;
  return data;
}

/**
 * Seeds data/demo through the same services the API uses, so every demo nomination has a real event log and
 * snapshot. Runs once: a database that already has organizations is left alone.
 */
export class DemoSeeder {
  constructor(private readonly app: INestApplicationContext) {}

  async seed(data = readDemoData()): Promise<string> {
    const dataSource = this.app.get(DataSource);
    if ((await dataSource.getRepository(OrganizationEntity).count()) > 0) {
      return 'Cơ sở dữ liệu đã có tổ chức: bỏ qua dữ liệu mẫu';
    }
    const organizations = this.app.get(OrganizationsService);
    const users = this.app.get(UsersService);
    const nominations = this.app.get(NominationsService);
    const advance = this.app.get(AdvanceNominationUseCase);
    const principals = this.app.get(PrincipalLoader);
    const documents = this.app.get(DossierDocumentsService);

    const organizationIds = new Map<string, string>();
    for (const organization of data.organizations) {
      const created = await organizations.create({
        name: organization.name,
        kind: organization.kind,
        parentId: organization.parent ? organizationIds.get(organization.parent) : undefined,
        code: organization.code,
        appraisalOfficeName: organization.appraisalOfficeName,
      });
      organizationIds.set(organization.key, created.id);
    }
    for (const user of data.users) {
      await users.create({
        username: user.username,
        password: user.password,
        fullName: user.fullName,
        organizationId: user.organization ? organizationIds.get(user.organization) : undefined,
        roles: user.roles,
      });
    }
    const principalOf = async (username: string) => {
      const user = await dataSource.getRepository(UserEntity).findOneByOrFail({ username });
      return (await principals.load(user.id))!;
    };
    const campaigns = this.app.get(CampaignsService);
    const campaignReports = this.app.get(CampaignReportsService);
    for (const campaign of data.campaigns ?? []) {
      const created = await campaigns.create(await principalOf(campaign.by), { issuingOrganizationId: organizationIds.get(campaign.organization), ...campaign.definition });
      for (const report of campaign.reports) {
        const reporter = await principalOf(report.as);
        const unit = data.organizations.find((organization) => organization.key === data.users.find((user) => user.username === report.as)?.organization);
        const buffer = sampleDocument(report.fileName, `Báo cáo tình hình thực hiện Phong trào thi đua năm ${report.year}`, [created.title, unit?.name ?? '']);
        await campaignReports.submit(
          reporter,
          created.id,
          { file: { originalname: report.fileName, size: buffer.length, buffer }, year: String(report.year), duty: String(report.duty) },
          report.submittedAt,
        );
      }
    }
    const registry = this.app.get(NomineesService);
    for (const entry of data.nominees ?? []) {
      const office = await principalOf(entry.by);
      const { id } = await registry.create(office, { ...entry.nominee, organizationId: organizationIds.get(entry.organization) });
      await registry.recordHistory(office, id, entry);
    }
    for (const { by, steps, ...dto } of data.nominations) {
      const view = await nominations.create(await principalOf(by), dto);
      const nominee = nomineeDisplayName(view.nominee);
      const upload = async (as: string, code: string, fileName: string, level?: Level) => {
        const title = documents.kindName(view.ruleSetId, code);
        const buffer = sampleDocument(fileName, title, [`${view.formName} — ${nominee}`, `Tệp: ${fileName}`]);
        await documents.upload(await principalOf(as), view.id, { code, level, file: { originalname: fileName, size: buffer.length, buffer } });
      };
      for (const step of steps) {
        if ('upload' in step) {
          await upload(step.as, step.upload.code, step.upload.fileName, step.upload.level);
          continue;
        }
        const command = parseEventCommand(step.event);
        // A nomination added to the data without the documents its step checks gets them from the step's actor,
        // generated and named after the document, so the demo still reaches every state it lists.
        for (const slot of await documents.missingFor(view.id, command.type)) {
          await upload(step.as, slot.code, `${documents.kindName(view.ruleSetId, slot.code)} - ${nominee}.pdf`, slot.level);
        }
        await advance.execute(await principalOf(step.as), view.id, command, {});
      }
    }
    return `Đã nạp dữ liệu mẫu: ${data.organizations.length} tổ chức, ${data.users.length} người dùng, ${data.campaigns?.length ?? 0} phong trào thi đua, ${data.nominees?.length ?? 0} đối tượng, ${data.nominations.length} hồ sơ`;
  }
}
