import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In, QueryFailedError, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { statusLabel, vietnamDate, type Level, type NominationSnapshot, type NominationWorkflow } from '../../workflows';
import {
  authorityName,
  buildDecisionDocument,
  DECISION_KIND_LABELS,
  documentSymbol,
  expandAbbreviations,
  fullDocumentNumber,
  type DecisionInput,
  type DecisionKind,
} from '../../workflows/decisions';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { AppError, conflict, forbidden, notFound, ruleRefused } from '../common/app-error';
import { WriteSerializer } from '../database/write-serializer';
import { DossierDocumentsService } from '../dossiers/dossier-documents.service';
import { hasRoleAt, type Principal } from '../identity/principal';
import { AdvanceNominationUseCase } from '../nominations/advance-nomination.use-case';
import { DocumentNumberEntity } from '../nominations/document-number.entity';
import type { EventCommand } from '../nominations/dto/nomination-event.dto';
import { staleVersion } from '../nominations/nomination-log';
import { NominationReader } from '../nominations/nomination-reader';
import { NominationEntity } from '../nominations/nomination.entity';
import { nomineeDisplayName } from '../nominations/nominee';
import { OrganizationEntity } from '../organizations/organization.entity';
import { decisionDocx } from './decision-docx';
import { DecisionEntity, DecisionItemEntity } from './decision.entity';
import { DecisionsService, type DecisionView } from './decisions.service';
import type { SignDecisionDto } from './dto';

/** Why one nomination of a batch cannot be signed. */
export interface NominationRefusal {
  nominationId: string;
  nomineeName: string | null;
  status: number;
  code: string;
  rule: string | null;
  message: string;
  details: unknown;
}

interface Candidate {
  row: NominationEntity;
  workflow: NominationWorkflow;
  snapshot: NominationSnapshot;
  level: Level;
  organizationId: string;
  kind: DecisionKind;
  nextLevel: Level | null;
}

/** The answer to a refused batch names the worst refusal first: another's dossier, then a missing one, a state, a rule. */
const STATUS_ORDER = [403, 404, 409, 422];

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; message?: string };
  return driverError?.code === '23505' || /UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(driverError?.message ?? error.message);
}

function refusalOf(nominationId: string, nomineeName: string | null, error: AppError): NominationRefusal {
  const details = (error.details ?? null) as { rule?: string } | null;
  return { nominationId, nomineeName, status: error.status, code: error.code, rule: details?.rule ?? null, message: error.message, details };
}

/** All or none: one answer for every nomination that refused, the status of the worst, each named with its reason. */
function batchRefused(label: string, refusals: NominationRefusal[]): AppError {
  const status = STATUS_ORDER.find((candidate) => refusals.some((refusal) => refusal.status === candidate)) ?? refusals[0].status;
  const first = refusals.find((refusal) => refusal.status === status)!;
  const rules = [...new Set(refusals.map((refusal) => refusal.rule ?? refusal.code))];
  const reasons = refusals.map((refusal) => `${refusal.nomineeName ?? refusal.nominationId}: ${refusal.message}`).join('; ');
  return new AppError(
    status,
    first.code,
    `Không thể ký ${label}: ${refusals.length} hồ sơ không đủ điều kiện (${reasons}). Không hồ sơ nào được ký`,
    { rule: rules.length === 1 ? rules[0] : 'decision-all-or-none', nominations: refusals },
  );
}

/**
 * Signs one Quyết định (the award, at the route's last internal level) or one Tờ trình (forwarding upward) for many
 * nominations in one transaction. Every nomination is checked first (readable, awaiting this signer's signature, one
 * form, one organization); the number is checked unused at the organization for the year; then each nomination gets
 * its `SIGN` (carrying the decision's id, so they share the number its first signature reserves) through
 * `AdvanceNominationUseCase.applyWithin` — the HTTP step's checks (documents, flags), lock, log and listeners — each
 * in a savepoint, so that every refusal is collected and named. A Tờ trình is first attached to each dossier as its
 * `submission` to the next level, the document that level's entry check requires. Any refusal rolls everything back.
 */
@Injectable()
export class SignDecisionUseCase {
  private readonly logger = new Logger('Decisions');

  constructor(
    private readonly writes: WriteSerializer,
    private readonly advance: AdvanceNominationUseCase,
    private readonly reader: NominationReader,
    private readonly catalog: WorkflowCatalog,
    private readonly documents: DossierDocumentsService,
    private readonly decisions: DecisionsService,
  ) {}

  async execute(principal: Principal, dto: SignDecisionDto): Promise<DecisionView> {
    if (!principal.roles.some((role) => role.role === 'signer')) {
      throw forbidden('Chỉ người có thẩm quyền ký (Chủ tịch, thủ trưởng) được ký Quyết định hoặc Tờ trình', { requiredRole: 'signer' });
    }
    const discards: Array<() => Promise<void>> = [];
    try {
      const id = await this.writes.transaction((manager) => this.sign(manager, principal, dto, discards));
      return await this.decisions.get(principal, id);
    } catch (error) {
      for (const discard of discards) await discard();
      if (isUniqueViolation(error)) {
        throw ruleRefused(`Số văn bản "${dto.number}" vừa được sử dụng cho một văn bản khác; vui lòng chọn số khác`, { rule: 'document-number-unique', number: dto.number });
      }
      throw error;
    }
  }

  private async sign(manager: EntityManager, principal: Principal, dto: SignDecisionDto, discards: Array<() => Promise<void>>): Promise<string> {
    const now = new Date().toISOString();
    const date = dto.date ?? vietnamDate(now);
    const year = Number(date.slice(0, 4));
    const candidates = await this.candidates(manager, principal, dto);
    const first = candidates[0];
    const organization = await manager.findOneByOrFail(OrganizationEntity, { id: first.organizationId });
    const kind = first.kind;
    const number = fullDocumentNumber(dto.number, documentSymbol(kind, organization.name));
    const label = `${DECISION_KIND_LABELS[kind]} số ${number}`;
    const taken =
      (await manager.existsBy(DocumentNumberEntity, { organizationId: organization.id, year, number })) ||
      (await manager.existsBy(DecisionEntity, { organizationId: organization.id, year, number }));
    const numberTaken = () =>
      ruleRefused(`Số văn bản "${number}" đã được sử dụng tại ${organization.name} trong năm ${year}; không hồ sơ nào được ký`, {
        rule: 'document-number-unique',
        number,
        year,
      });
    if (taken) throw numberTaken();

    const input = await this.documentInput(manager, principal, dto, candidates, organization, kind, number, date);
    const document = buildDecisionDocument(input);
    const decisionId = randomUUID();
    const grantingAuthority = kind === 'decision' ? authorityName(input.award.signerTitle, organization.name) : input.addressee!.authority;
    // The unique index on (organization, year, number): a concurrent batch taking the same number waits here, then loses.
    await this.insertDecision(manager, {
      id: decisionId,
      organizationId: organization.id,
      kind,
      formCode: first.row.formCode,
      ruleSetId: first.row.ruleSetId,
      level: first.level,
      number,
      year,
      date,
      title: document.subject,
      grantingAuthority,
      addressedOrganizationId: first.nextLevel ? (first.row.levelOrganizations[first.nextLevel] ?? null) : null,
      signerUserId: principal.userId,
      signerName: principal.fullName,
      signedAsDeputy: dto.deputy ?? false,
      document,
      createdAt: now,
    } as QueryDeepPartialEntity<DecisionEntity>, numberTaken);

    const content = kind === 'submission' ? decisionDocx(document, now) : null;
    const fileName = `Tờ trình số ${number.replace(/\//g, '-')}.docx`;
    const attached = new Map<string, string>();
    const refusals: NominationRefusal[] = [];
    for (const candidate of candidates) {
      const { row } = candidate;
      try {
        // A savepoint per nomination: a refusal undoes that one's writes and the next ones are still judged.
        await manager.transaction(async (inner) => {
          if (content) {
            const upload = await this.documents.uploadWithin(inner, principal, row.id, {
              code: 'submission',
              level: candidate.nextLevel ?? undefined,
              file: { originalname: fileName, size: content.length, buffer: content },
            });
            discards.push(upload.discard);
            attached.set(row.id, upload.document.id);
          }
          await this.advance.applyWithin(inner, principal, row.id, { type: 'SIGN', number, date, decisionId } as EventCommand);
        });
      } catch (error) {
        attached.delete(row.id);
        const known = error instanceof AppError ? error : isUniqueViolation(error) ? staleVersion(row.id) : null;
        if (!known) throw error;
        refusals.push(refusalOf(row.id, nomineeDisplayName(row.nominee) || row.nomineeName, known));
      }
    }
    if (refusals.length) throw batchRefused(label, refusals);

    await manager.insert(
      DecisionItemEntity,
      candidates.map(({ row }, index) => ({
        decisionId,
        nominationId: row.id,
        seq: index + 1,
        nomineeKind: row.nomineeKind,
        nomineeName: nomineeDisplayName(row.nominee) || row.nomineeName,
        proposingOrganizationId: row.organizationId,
        documentId: attached.get(row.id) ?? null,
      })) as QueryDeepPartialEntity<DecisionItemEntity>[],
    );
    this.logger.log(
      JSON.stringify({ decision: decisionId, organization: organization.id, kind, number, date, nominations: candidates.length, actor: principal.username }),
    );
    return decisionId;
  }

  private async insertDecision(manager: EntityManager, decision: QueryDeepPartialEntity<DecisionEntity>, numberTaken: () => AppError) {
    try {
      await manager.insert(DecisionEntity, decision);
    } catch (error) {
      if (isUniqueViolation(error)) throw numberTaken();
      throw error;
    }
  }

  /**
   * Every nomination of the request, checked before anything is written: it exists, the caller may read it, it waits
   * for a signature at an organization where the caller signs, and all share one organization, form and act (a
   * decision or a submission, as the route says, and as `kind` says when given). Any refusal: all are answered.
   */
  private async candidates(manager: EntityManager, principal: Principal, dto: SignDecisionDto): Promise<Candidate[]> {
    const rows = new Map((await manager.findBy(NominationEntity, { id: In(dto.nominationIds) })).map((row) => [row.id, row]));
    const names = new Map(
      (await manager.findBy(OrganizationEntity, { id: In([...new Set([...rows.values()].flatMap((row) => Object.values(row.levelOrganizations)).filter((id): id is string => !!id))]) })).map(
        (organization) => [organization.id, organization.name],
      ),
    );
    const candidates: Candidate[] = [];
    const refusals: NominationRefusal[] = [];
    for (const id of dto.nominationIds) {
      const row = rows.get(id);
      const nomineeName = row ? nomineeDisplayName(row.nominee) || row.nomineeName : null;
      try {
        if (!row) throw notFound('Không tìm thấy hồ sơ đề nghị khen thưởng');
        await this.reader.assertReadable(principal, row, manager);
        const { workflow, snapshot } = this.reader.restore(row);
        const [head, step] = row.state.split('.');
        if (step !== 'awaitingSignature') {
          throw conflict('EVENT_NOT_ALLOWED', `Hồ sơ đang ở bước "${statusLabel(row.state)}", không chờ ký`, { state: row.state });
        }
        const level = head as Level;
        const organizationId = row.levelOrganizations[level] ?? null;
        if (!organizationId || !hasRoleAt(principal, 'signer', organizationId)) {
          throw forbidden(`Hồ sơ chờ người có thẩm quyền của ${names.get(organizationId ?? '') ?? 'cơ quan khác'} ký, không thuộc thẩm quyền ký của bạn`, {
            requiredRole: 'signer',
            organizationId,
          });
        }
        const { route, levelIndex } = snapshot.context;
        const kind: DecisionKind = levelIndex === route.length - 1 ? 'decision' : 'submission';
        const candidate: Candidate = { row, workflow, snapshot, level, organizationId, kind, nextLevel: kind === 'submission' ? route[levelIndex + 1] : null };
        const reference = candidates[0];
        if (dto.kind && dto.kind !== kind) {
          throw ruleRefused(
            kind === 'decision'
              ? `Hình thức ${workflow.form.name} do cấp này quyết định: ký Quyết định, không phải Tờ trình`
              : `Hình thức ${workflow.form.name} do cấp trên quyết định: ký Tờ trình đề nghị, không phải Quyết định`,
            { rule: 'decision-kind', expected: kind, requested: dto.kind },
          );
        }
        if (reference && reference.organizationId !== organizationId) {
          throw ruleRefused(`Hồ sơ chờ ký tại ${names.get(organizationId)}, khác cơ quan của các hồ sơ khác trong văn bản`, { rule: 'decision-one-organization' });
        }
        if (reference && (reference.row.formCode !== row.formCode || reference.level !== level || reference.kind !== kind)) {
          throw ruleRefused(`Hồ sơ đề nghị ${workflow.form.name}; một văn bản chỉ gồm các hồ sơ cùng một hình thức khen thưởng (${reference.workflow.form.name})`, {
            rule: 'decision-one-form',
            formCode: row.formCode,
            expectedFormCode: reference.row.formCode,
          });
        }
        candidates.push(candidate);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refusals.push(refusalOf(id, nomineeName, error));
      }
    }
    if (refusals.length) {
      const kind = candidates[0]?.kind ?? dto.kind ?? 'decision';
      throw batchRefused(`${DECISION_KIND_LABELS[kind]} số ${dto.number}`, refusals);
    }
    return candidates;
  }

  /** The document's data: the issuer, the award and its signer, the legal basis, the council meetings, the nominees. */
  private async documentInput(
    manager: EntityManager,
    principal: Principal,
    dto: SignDecisionDto,
    candidates: Candidate[],
    organization: OrganizationEntity,
    kind: DecisionKind,
    number: string,
    date: string,
  ): Promise<DecisionInput> {
    const first = candidates[0];
    const form = first.workflow.form;
    const proposers = new Map(
      (await manager.findBy(OrganizationEntity, { id: In([...new Set(candidates.map(({ row }) => row.organizationId))]) })).map((unit) => [unit.id, unit.name]),
    );
    let addressee: DecisionInput['addressee'] = null;
    if (kind === 'submission') {
      const nextLevel = first.nextLevel!;
      const nextOrganizationId = first.row.levelOrganizations[nextLevel];
      const next = nextOrganizationId ? await manager.findOneBy(OrganizationEntity, { id: nextOrganizationId }) : null;
      const signerTitle = form.levels[nextLevel]?.signer;
      addressee = {
        authority: next && signerTitle ? authorityName(signerTitle, next.name) : expandAbbreviations(form.grantingAuthority),
        appraisalOfficeName: next?.appraisalOfficeName ?? null,
      };
    }
    return {
      kind,
      number,
      date,
      issuer: { name: organization.name, appraisalOfficeName: organization.appraisalOfficeName },
      addressee,
      award: { formName: form.name, category: form.category, signerTitle: form.levels[first.level]?.signer ?? form.grantingAuthority },
      legalBasis: this.catalog.registry.byId(first.row.ruleSetId)?.legalBasis ?? [],
      councilMinutes: candidates.flatMap(({ snapshot, level }) =>
        snapshot.context.councilResults
          .filter((result) => result.level === level && result.approved)
          .slice(-1)
          .map((result) => ({ number: result.minutesNumber, meetingDate: result.meetingDate })),
      ),
      subject: dto.title ?? null,
      signer: { fullName: principal.fullName, deputy: dto.deputy ?? false },
      nominees: candidates.map(({ row }) => ({
        nominationId: row.id,
        kind: row.nomineeKind,
        name: nomineeDisplayName(row.nominee) || row.nomineeName,
        position: row.nominee.position ?? null,
        unitName: row.nominee.unitName ?? null,
        address: row.nominee.address ?? null,
        householdHead: row.nominee.householdHead ?? null,
        proposingUnit: proposers.get(row.organizationId) ?? '',
        achievements: row.achievements,
        awardYear: row.awardYear,
      })),
    };
  }
}
