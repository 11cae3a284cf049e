import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { CampaignDefinition } from '../../workflows/campaigns/campaign-types';
import { CAMPAIGN_FIELDS } from '../../workflows/campaigns/campaign-validation';
import { extractDocxText, parseCampaignPlan, type PlanCatalog } from '../../workflows/campaigns/plan-import';
import { AppError, badInput, conflict, forbidden, notFound, ruleRefused } from '../common/app-error';
import { invalidInput } from '../common/validation';
import { WriteSerializer } from '../database/write-serializer';
import type { UploadedDocumentFile } from '../dossiers/dossier-documents.service';
import { detectFileType } from '../dossiers/file-type';
import { organizationsOf, type Principal } from '../identity/principal';
import { OrganizationEntity } from '../organizations/organization.entity';
import { CampaignDraftEntity } from './campaign-draft.entity';
import { CampaignsService } from './campaigns.service';

/** A plan is a few tens of pages at most; anything longer is not a plan. */
const MAX_PLAN_CHARACTERS = 400_000;

export interface ImportPlanInput {
  text?: unknown;
  organizationId?: unknown;
  file?: UploadedDocumentFile;
}

/** Plain text as UTF-8 (a BOM dropped), or null when the bytes are not text. */
function decodeText(content: Buffer): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
    // Control characters other than tabs and line breaks mean a binary file, whatever its name says.
    return /[\u0000-\u0008\u000b\u000e-\u001f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

/**
 * Plan import: a plan's text (JSON, a .txt file, or a DOCX) read by the pure parser into a draft campaign, stored
 * until a person confirms the fields, corrected or accepted, into a campaign.
 */
@Injectable()
export class PlanImportService {
  private readonly logger = new Logger('PlanImport');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly campaigns: CampaignsService,
  ) {}

  async import(principal: Principal, input: ImportPlanInput) {
    const organizationId = typeof input.organizationId === 'string' && input.organizationId ? input.organizationId : principal.organizationId;
    if (organizationId) this.campaigns.assertMayKeep(principal, organizationId);
    const organization = await this.campaigns.issuingOrganization(organizationId, this.dataSource.manager);
    const source = this.sourceOf(input);
    const ruleSet = await this.campaigns.ruleSetFor(organization.id);
    const catalog: PlanCatalog = { forms: ruleSet.forms.map((form) => ({ code: form.code, name: form.name, category: form.category })) };
    let draft;
    try {
      draft = parseCampaignPlan(source.text, catalog);
    } catch (error) {
      this.logger.error(`Không đọc được kế hoạch: ${(error as Error).message}`, (error as Error).stack);
      throw ruleRefused('Không đọc được nội dung kế hoạch này; vui lòng kiểm tra tệp hoặc nhập phong trào thủ công', { rule: 'plan-readable' });
    }
    const row: CampaignDraftEntity = {
      id: randomUUID(),
      organizationId: organization.id,
      sourceKind: source.kind,
      sourceName: source.name,
      sourceText: source.text,
      ruleSetId: ruleSet.id,
      draft,
      status: 'open',
      campaignId: null,
      createdBy: principal.userId,
      createdAt: new Date().toISOString(),
      confirmedBy: null,
      confirmedAt: null,
    };
    await this.writes.transaction((manager) => manager.insert(CampaignDraftEntity, row as QueryDeepPartialEntity<CampaignDraftEntity>));
    this.logger.log(JSON.stringify({ draft: row.id, event: 'PLAN_IMPORTED', organization: organization.id, source: source.kind, characters: source.text.length, actor: principal.username }));
    return this.view(row);
  }

  private sourceOf(input: ImportPlanInput): { kind: 'text' | 'docx'; name: string | null; text: string } {
    if (input.file && input.text !== undefined) {
      throw badInput('Gửi kế hoạch dưới dạng văn bản (text) hoặc tệp (file), không gửi cả hai', { fields: [{ field: 'text', problems: ['không gửi cùng file'] }] });
    }
    let kind: 'text' | 'docx' = 'text';
    let text: string | null;
    let name: string | null = null;
    if (input.file) {
      const { file } = input;
      name = file.originalname.normalize('NFC').split(/[\\/]/).pop()!.slice(0, 255) || null;
      if (!file.buffer.length) throw badInput('Tệp kế hoạch rỗng', { fields: [{ field: 'file', problems: ['tệp rỗng'] }] });
      const type = detectFileType(file.buffer);
      if (type === 'docx') {
        kind = 'docx';
        try {
          text = extractDocxText(new Uint8Array(file.buffer));
        } catch (error) {
          this.logger.warn(`Không đọc được DOCX ${name}: ${(error as Error).message}`);
          text = null;
        }
        if (text === null) throw ruleRefused(`Không đọc được nội dung văn bản của tệp "${name}"`, { rule: 'plan-readable' });
      } else {
        text = type ? null : decodeText(file.buffer);
        if (text === null) {
          throw new AppError(415, 'UNSUPPORTED_DOCUMENT_TYPE', `Tệp "${name}" không phải văn bản thuần (.txt, UTF-8) hay DOCX; kế hoạch chỉ nhập được từ hai định dạng này`, {
            accepted: ['text/plain', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
          });
        }
      }
    } else if (typeof input.text === 'string') {
      text = input.text;
    } else {
      throw badInput('Thiếu nội dung kế hoạch: gửi {"text": "…"} hoặc tệp .txt, .docx trong trường "file"', {
        fields: [{ field: input.text === undefined ? 'text' : 'text', problems: [input.text === undefined ? 'bắt buộc phải có (hoặc gửi tệp trong trường "file")' : 'phải là chuỗi ký tự'] }],
      });
    }
    text = text.normalize('NFC').replace(/\r\n?/g, '\n');
    if (!text.trim()) throw badInput('Kế hoạch không có nội dung', { fields: [{ field: input.file ? 'file' : 'text', problems: ['không có nội dung'] }] });
    if (text.length > MAX_PLAN_CHARACTERS) {
      throw badInput(`Kế hoạch dài quá ${MAX_PLAN_CHARACTERS.toLocaleString('vi-VN')} ký tự`, { fields: [{ field: input.file ? 'file' : 'text', problems: ['dài quá mức cho phép'] }] });
    }
    return { kind, name, text };
  }

  private async readableDraft(principal: Principal, id: string): Promise<CampaignDraftEntity> {
    const draft = await this.dataSource.getRepository(CampaignDraftEntity).findOneBy({ id });
    if (!draft) throw notFound('Không tìm thấy bản nháp phong trào thi đua');
    if (!principal.isAdmin && !organizationsOf(principal).includes(draft.organizationId)) {
      throw forbidden('Bản nháp này thuộc tổ chức khác');
    }
    return draft;
  }

  async get(principal: Principal, id: string) {
    return this.view(await this.readableDraft(principal, id));
  }

  /**
   * Confirms a draft with the fields as the person accepted or corrected them: the full campaign, every field
   * present (one the plan did not state, or the import was unsure of, filled in or left empty on purpose: `null`
   * or `[]`). Creates the campaign and marks the draft confirmed, both or neither.
   */
  async confirm(principal: Principal, id: string, body: Record<string, unknown>) {
    const draft = await this.readableDraft(principal, id);
    this.campaigns.assertMayKeep(principal, draft.organizationId);
    const extra = Object.keys(body).filter((key) => !(CAMPAIGN_FIELDS as readonly string[]).includes(key));
    const missing = CAMPAIGN_FIELDS.filter((key) => body[key] === undefined);
    if (extra.length || missing.length) {
      throw invalidInput([
        ...missing.map((field) => ({
          field,
          problems: [
            draft.draft.fields[field]?.status === 'found'
              ? 'bắt buộc phải có (giữ giá trị đã đọc từ kế hoạch hoặc sửa lại)'
              : 'kế hoạch không nêu hoặc chưa chắc chắn: điền giá trị, hoặc để trống có chủ đích (null hoặc [])',
          ],
        })),
        ...extra.map((field) => ({ field, problems: ['trường này không được phép'] })),
      ]);
    }
    return this.writes.transaction(async (manager) => {
      const current = (await manager.findOneBy(CampaignDraftEntity, { id }))!;
      if (current.status !== 'open') {
        throw conflict('DRAFT_CONFIRMED', 'Bản nháp này đã được xác nhận thành phong trào thi đua', { draftId: id, campaignId: current.campaignId });
      }
      const organization = (await manager.findOneBy(OrganizationEntity, { id: current.organizationId }))!;
      const definition = (await this.campaigns.definitionFrom(body, 'confirm', organization, manager)) as CampaignDefinition;
      const campaign = await this.campaigns.insert(manager, principal, organization.id, definition, id);
      const now = new Date().toISOString();
      const result = await manager
        .createQueryBuilder()
        .update(CampaignDraftEntity)
        .set({ status: 'confirmed', campaignId: campaign.id, confirmedBy: principal.userId, confirmedAt: now })
        .where('id = :id AND status = :status', { id, status: 'open' })
        .execute();
      if (!result.affected) throw conflict('DRAFT_CONFIRMED', 'Bản nháp này vừa được xác nhận thành phong trào thi đua', { draftId: id });
      this.logger.log(JSON.stringify({ draft: id, event: 'PLAN_CONFIRMED', campaign: campaign.id, actor: principal.username }));
      return this.campaigns.view(campaign, manager);
    });
  }

  private view(row: CampaignDraftEntity) {
    return {
      id: row.id,
      organizationId: row.organizationId,
      status: row.status,
      sourceKind: row.sourceKind,
      sourceName: row.sourceName,
      ruleSetId: row.ruleSetId,
      draft: row.draft,
      campaignId: row.campaignId,
      createdAt: row.createdAt,
      confirmedAt: row.confirmedAt,
    };
  }
}
