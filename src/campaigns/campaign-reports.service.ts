import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { vietnamDate } from '../../workflows';
import { reportDueDate, reportStatus, reportYears, type ReportStatus } from '../../workflows/campaigns/campaign-rules';
import { AppError, badInput, conflict, forbidden, notFound, ruleRefused } from '../common/app-error';
import type { FieldProblem } from '../common/validation';
import { invalidInput } from '../common/validation';
import { WriteSerializer } from '../database/write-serializer';
import { DocumentStorage } from '../dossiers/document-storage';
import type { UploadedDocumentFile } from '../dossiers/dossier-documents.service';
import { documentFileName } from '../dossiers/file-names';
import { detectFileType, DOCUMENT_FILE_TYPES, type DocumentFileType } from '../dossiers/file-type';
import { organizationsOf, type Principal } from '../identity/principal';
import type { OrganizationEntity } from '../organizations/organization.entity';
import { CampaignReportEntity } from './campaign-report.entity';
import { CampaignScope, type OrganizationTree } from './campaign-scope';
import { CampaignEntity } from './campaign.entity';

/** A report is a document an office reads and files: PDF, DOCX or XLSX (no photos). */
const REPORT_FILE_TYPES: DocumentFileType[] = ['pdf', 'docx', 'xlsx'];

export interface SubmitReportInput {
  file?: UploadedDocumentFile;
  year?: unknown;
  duty?: unknown;
  organizationId?: unknown;
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; message?: string };
  return driverError?.code === '23505' || /UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(driverError?.message ?? error.message);
}

const INTEGER = /^\d{1,4}$/;

/**
 * The yearly reports a campaign's plan asks of the organizations directly under its issuer (the units of a commune,
 * the communes and agencies of a province): each one's file, and where every one stands against the due date.
 */
@Injectable()
export class CampaignReportsService {
  private readonly logger = new Logger('CampaignReports');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly storage: DocumentStorage,
    private readonly scope: CampaignScope,
  ) {}

  /** The organizations that owe the campaign's reports. */
  owing(tree: OrganizationTree, campaign: CampaignEntity): OrganizationEntity[] {
    return tree.childrenOf(campaign.issuingOrganizationId);
  }

  /**
   * A unit's report (multipart `file`, `year`, `duty` — the duty's index, optional when the plan has one — and
   * `organizationId` when the caller reports for another unit it holds a role at). `submittedAt` is for the demo
   * seed only, which files reports sent before the day it runs.
   */
  async submit(principal: Principal, campaignId: string, input: SubmitReportInput, submittedAt?: string) {
    const campaign = await this.scope.assertVisible(principal, await this.dataSource.getRepository(CampaignEntity).findOneBy({ id: campaignId }));
    const now = submittedAt ?? new Date().toISOString();
    const today = vietnamDate(now);
    const duties = campaign.definition.reportDuties;
    const tree = await this.scope.tree();
    const organizationId = typeof input.organizationId === 'string' && input.organizationId ? input.organizationId : principal.organizationId;
    if (!organizationId || !principal.roles.some((role) => role.organizationId === organizationId && (role.role === 'submitter' || role.role === 'appraiser'))) {
      throw forbidden('Chỉ cán bộ đề nghị khen thưởng hoặc cơ quan thẩm định của đơn vị báo cáo được gửi báo cáo của đơn vị', { requiredRole: ['submitter', 'appraiser'] });
    }
    const unit = this.owing(tree, campaign).find((organization) => organization.id === organizationId);
    if (!unit) {
      const issuer = tree.get(campaign.issuingOrganizationId);
      throw ruleRefused(`${tree.get(organizationId)?.name ?? 'Đơn vị này'} không thuộc các đơn vị trực thuộc ${issuer?.name ?? 'cơ quan ban hành kế hoạch'} phải báo cáo phong trào “${campaign.title}”`, {
        rule: 'campaign-report-owed',
        organizationId,
      });
    }
    if (!duties.length) {
      throw ruleRefused(`Kế hoạch của phong trào “${campaign.title}” không giao nhiệm vụ báo cáo định kỳ nào`, { rule: 'campaign-report-duty', campaignId });
    }
    const problems: FieldProblem[] = [];
    const file = input.file;
    if (!file) problems.push({ field: 'file', problems: ['bắt buộc phải có tệp báo cáo (multipart/form-data, trường "file")'] });
    else if (file.size === 0 || file.buffer.length === 0) problems.push({ field: 'file', problems: ['tệp rỗng'] });
    const years = reportYears(campaign.definition.period).filter((year) => year <= Number(today.slice(0, 4)));
    const year = typeof input.year === 'string' && INTEGER.test(input.year.trim()) ? Number(input.year.trim()) : typeof input.year === 'number' ? input.year : NaN;
    if (!years.includes(year)) {
      problems.push({ field: 'year', problems: [years.length ? `phải là một năm của phong trào đến năm nay (${years[0]}–${years.at(-1)})` : 'phong trào chưa bắt đầu: chưa có năm nào phải báo cáo'] });
    }
    let dutyIndex = duties.length === 1 && (input.duty === undefined || input.duty === '') ? 0 : NaN;
    if (typeof input.duty === 'string' && INTEGER.test(input.duty.trim())) dutyIndex = Number(input.duty.trim());
    if (!(dutyIndex >= 0 && dutyIndex < duties.length)) {
      problems.push({ field: 'duty', problems: [`phải là số thứ tự của nhiệm vụ báo cáo trong kế hoạch (0–${duties.length - 1})`] });
    }
    if (problems.length) throw invalidInput(problems);
    const fileType = detectFileType(file!.buffer);
    if (!fileType || !REPORT_FILE_TYPES.includes(fileType)) {
      throw new AppError(415, 'UNSUPPORTED_DOCUMENT_TYPE', `Nội dung tệp "${file!.originalname.normalize('NFC')}" không phải PDF, DOCX hoặc XLSX; báo cáo chỉ nhận các định dạng này`, {
        accepted: REPORT_FILE_TYPES.map((type) => DOCUMENT_FILE_TYPES[type].contentType),
      });
    }
    const id = randomUUID();
    const storageKey = `campaign-reports/${campaign.id}/${id}.${DOCUMENT_FILE_TYPES[fileType].extensions[0]}`;
    const sha256 = createHash('sha256').update(file!.buffer).digest('hex');
    const fileName = documentFileName(file!.originalname, fileType, `Báo cáo phong trào thi đua năm ${year} - ${unit.name}`);
    const tempPath = await this.storage.writeTemp(file!.buffer);
    try {
      return await this.writes.transaction(async (manager) => {
        const latest = await manager
          .createQueryBuilder(CampaignReportEntity, 'r')
          .select('MAX(r.version)', 'version')
          .where('r.campaign_id = :campaignId AND r.duty_index = :dutyIndex AND r.year = :year AND r.organization_id = :organizationId', {
            campaignId,
            dutyIndex,
            year,
            organizationId: unit.id,
          })
          .getRawOne<{ version: number | string | null }>();
        const report: CampaignReportEntity = {
          id,
          campaignId,
          dutyIndex,
          year,
          organizationId: unit.id,
          version: Number(latest?.version ?? 0) + 1,
          fileName,
          fileType,
          contentType: DOCUMENT_FILE_TYPES[fileType].contentType,
          sizeBytes: file!.buffer.length,
          sha256,
          storageKey,
          submittedBy: principal.userId,
          submittedByUsername: principal.username,
          submittedAt: now,
          submittedOn: today,
        };
        await manager.insert(CampaignReportEntity, report as QueryDeepPartialEntity<CampaignReportEntity>);
        await this.storage.place(tempPath, storageKey);
        this.logger.log(JSON.stringify({ campaign: campaignId, event: 'CAMPAIGN_REPORT_SUBMITTED', organization: unit.id, year, duty: dutyIndex, version: report.version, actor: principal.username }));
        const dueDate = reportDueDate(duties[dutyIndex], year);
        const first = report.version === 1 ? report : await manager.findOneBy(CampaignReportEntity, { campaignId, dutyIndex, year, organizationId: unit.id, version: 1 });
        return { ...this.reportView(report), organizationName: unit.name, dueDate, status: reportStatus(dueDate, first?.submittedOn ?? today, today) };
      });
    } catch (error) {
      await this.storage.discard(tempPath, storageKey);
      if (isUniqueViolation(error)) throw conflict('REPORT_VERSION_TAKEN', 'Báo cáo này vừa được gửi đồng thời; vui lòng tải lại danh sách báo cáo', { campaignId });
      throw error;
    }
  }

  /**
   * Which units the caller may see the reports of: all of them for an administrator and for anyone holding a role
   * at the issuing organization or above it; otherwise only the caller's own units among those owing.
   */
  private readableUnits(principal: Principal, tree: OrganizationTree, campaign: CampaignEntity): OrganizationEntity[] {
    const owing = this.owing(tree, campaign);
    if (principal.isAdmin) return owing;
    const mine = new Set(organizationsOf(principal));
    if (tree.lineage(campaign.issuingOrganizationId).some((organization) => mine.has(organization.id))) return owing;
    const own = owing.filter((organization) => mine.has(organization.id));
    if (!own.length) throw forbidden('Chỉ cơ quan ban hành kế hoạch, cấp trên của cơ quan đó và các đơn vị phải báo cáo được xem báo cáo của phong trào');
    return own;
  }

  /** `GET /api/campaigns/:id/reports?year=`: every unit owing each duty's report for the year, and where it stands. */
  async status(principal: Principal, campaignId: string, yearInput: unknown) {
    const campaign = await this.scope.assertVisible(principal, await this.dataSource.getRepository(CampaignEntity).findOneBy({ id: campaignId }));
    const today = vietnamDate(new Date());
    const years = reportYears(campaign.definition.period);
    const year = yearInput === undefined ? Number(today.slice(0, 4)) : typeof yearInput === 'string' && INTEGER.test(yearInput) ? Number(yearInput) : NaN;
    if (!years.includes(year)) {
      throw badInput(`Năm báo cáo phải trong thời gian của phong trào (${years[0]}–${years.at(-1)})`, { fields: [{ field: 'year', problems: ['không trong thời gian của phong trào'] }] });
    }
    const tree = await this.scope.tree();
    const units = this.readableUnits(principal, tree, campaign);
    const reports = await this.dataSource.getRepository(CampaignReportEntity).find({ where: { campaignId, year }, order: { version: 'ASC' } });
    const versions = new Map<string, CampaignReportEntity[]>();
    for (const report of reports) {
      const key = `${report.dutyIndex}/${report.organizationId}`;
      versions.set(key, [...(versions.get(key) ?? []), report]);
    }
    const counts: Record<ReportStatus, number> = { submitted: 0, late: 0, missing: 0, pending: 0 };
    const duties = campaign.definition.reportDuties.map((duty, index) => {
      const dueDate = reportDueDate(duty, year);
      const items = units.map((unit) => {
        const sent = versions.get(`${index}/${unit.id}`) ?? [];
        // Judged by the first version: a corrected report sent later does not make an on-time one late.
        const status = reportStatus(dueDate, sent[0]?.submittedOn ?? null, today);
        counts[status] += 1;
        return {
          organizationId: unit.id,
          organizationName: unit.name,
          status,
          submittedAt: sent[0]?.submittedAt ?? null,
          submittedOn: sent[0]?.submittedOn ?? null,
          report: sent.length ? this.reportView(sent.at(-1)!) : null,
        };
      });
      return { index, reporters: duty.reporters, recipient: duty.recipient, description: duty.description, dueMonthDay: duty.dueMonthDay, dueDate, items };
    });
    return { campaignId, title: campaign.title, year, today, counts, duties };
  }

  /** One report's file, for whoever may see that unit's reports. */
  async content(principal: Principal, campaignId: string, reportId: string) {
    const campaign = await this.scope.assertVisible(principal, await this.dataSource.getRepository(CampaignEntity).findOneBy({ id: campaignId }));
    const report = await this.dataSource.getRepository(CampaignReportEntity).findOneBy({ id: reportId, campaignId });
    if (!report) throw notFound('Không tìm thấy báo cáo này của phong trào');
    const units = this.readableUnits(principal, await this.scope.tree(), campaign);
    if (!units.some((unit) => unit.id === report.organizationId)) throw forbidden('Báo cáo này không thuộc phạm vi tổ chức của bạn');
    return { report, ...(await this.storage.open(report.storageKey)) };
  }

  private reportView(report: CampaignReportEntity) {
    return {
      id: report.id,
      campaignId: report.campaignId,
      dutyIndex: report.dutyIndex,
      year: report.year,
      organizationId: report.organizationId,
      version: report.version,
      fileName: report.fileName,
      fileType: report.fileType,
      contentType: report.contentType,
      sizeBytes: report.sizeBytes,
      sha256: report.sha256,
      submittedAt: report.submittedAt,
      submittedOn: report.submittedOn,
      submittedBy: { userId: report.submittedBy, username: report.submittedByUsername },
      contentUrl: `/api/campaigns/${report.campaignId}/reports/${report.id}/content`,
    };
  }
}
