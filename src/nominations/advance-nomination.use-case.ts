import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  deadlineAfter,
  EVENT_LABELS,
  statusLabel,
  vietnamDate,
  WorkingCalendar,
  type Level,
  type NominationEvent,
  type NominationSnapshot,
  type NominationWorkflow,
} from '../../workflows';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { AppError, conflict, forbidden, ruleRefused } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WriteSerializer } from '../database/write-serializer';
import type { Principal } from '../identity/principal';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { DocumentNumberEntity } from './document-number.entity';
import type { EventCommand } from './dto/nomination-event.dto';
import { IdempotencyRecordEntity } from './idempotency-record.entity';
import { NominationAccessEntity } from './nomination-access.entity';
import { assertExpectedVersion, commitStep, staleVersion } from './nomination-log';
import { NominationReader } from './nomination-reader';
import { holderOrganization, mayAct } from './nomination-scope';
import type { NominationView } from './nomination-view';
import { STEP_CHECKS, STEP_LISTENERS, type StepCheck, type StepContext, type StepListener } from './step-hooks';
import { NominationEntity, type StoredSnapshot } from './nomination.entity';

const ROLE_LABELS: Record<string, string> = {
  submitter: 'cán bộ đề nghị của đơn vị',
  appraiser: 'cơ quan thẩm định',
  'council-secretary': 'thư ký Hội đồng Thi đua – Khen thưởng',
  'council-member': 'thành viên Hội đồng',
  signer: 'người có thẩm quyền ký',
};

export interface AdvanceOptions {
  ifMatch?: string;
  idempotencyKey?: string;
}

/** `If-Match: 3`, `"3"` or `W/"3"` → 3. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined;
  const match = header.trim().match(/^(?:W\/)?"?(\d{1,9})"?$/);
  if (!match) throw new AppError(400, 'BAD_INPUT', 'Tiêu đề If-Match phải là số phiên bản của hồ sơ', { fields: [{ field: 'If-Match', problems: ['không đúng định dạng'] }] });
  return Number(match[1]);
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; message?: string };
  return driverError?.code === '23505' || /UNIQUE constraint failed|SQLITE_CONSTRAINT/i.test(driverError?.message ?? error.message);
}

/**
 * One request, one pure step, one transaction: load the row, restore the snapshot, check the state, the actor and
 * the rule, compute the transition, update with `WHERE version = ?`, append the event, commit.
 */
@Injectable()
export class AdvanceNominationUseCase {
  private readonly logger = new Logger('Nominations');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly catalog: WorkflowCatalog,
    private readonly reader: NominationReader,
    private readonly organizations: OrganizationsService,
    private readonly calendar: WorkingCalendar,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(STEP_CHECKS) private readonly checks: StepCheck[],
    @Inject(STEP_LISTENERS) private readonly listeners: StepListener[],
  ) {}

  async execute(principal: Principal, nominationId: string, command: EventCommand, options: AdvanceOptions): Promise<NominationView> {
    const expectedVersion = parseIfMatch(options.ifMatch);
    const key = options.idempotencyKey?.trim();
    if (key !== undefined && (key.length === 0 || key.length > 200)) {
      throw new AppError(400, 'BAD_INPUT', 'Idempotency-Key phải có từ 1 đến 200 ký tự', { fields: [{ field: 'Idempotency-Key', problems: ['không hợp lệ'] }] });
    }
    const requestHash = createHash('sha256').update(JSON.stringify({ nominationId, command, expectedVersion })).digest('hex');
    try {
      return await this.writes.transaction(async (manager) => {
        // Checked inside the transaction, so a retry queued behind the first attempt sees its answer.
        const earlier = key ? await this.earlierAnswer(manager, principal, key, requestHash) : null;
        return earlier ?? this.apply(manager, principal, nominationId, command, expectedVersion, key, requestHash);
      });
    } catch (error) {
      // A concurrent retry with the same key committed first (PostgreSQL): answer as it did.
      if (key) {
        const earlier = await this.earlierAnswer(this.dataSource.manager, principal, key, requestHash);
        if (earlier) return earlier;
      }
      if (isUniqueViolation(error)) throw staleVersion(nominationId);
      throw error;
    }
  }

  private async earlierAnswer(manager: EntityManager, principal: Principal, key: string, requestHash: string): Promise<NominationView | null> {
    const record = await manager.findOneBy(IdempotencyRecordEntity, { userId: principal.userId, key });
    if (!record) return null;
    if (record.requestHash !== requestHash) {
      throw ruleRefused('Idempotency-Key này đã được dùng cho một yêu cầu khác', { rule: 'idempotency-key-reuse', key });
    }
    return record.response as unknown as NominationView;
  }

  /**
   * One step inside a transaction the caller owns (a council session's close applies its result to every nomination
   * of its agenda in one transaction: all or none). The same checks, lock, log and listeners as `execute`; no
   * idempotency key. A refusal throws, and the caller's transaction rolls back with everything it wrote.
   */
  applyWithin(manager: EntityManager, principal: Principal, nominationId: string, command: EventCommand): Promise<NominationView> {
    return this.apply(manager, principal, nominationId, command, undefined, undefined, '');
  }

  private async apply(
    manager: EntityManager,
    principal: Principal,
    nominationId: string,
    command: EventCommand,
    expectedVersion: number | undefined,
    key: string | undefined,
    requestHash: string,
  ): Promise<NominationView> {
    const row = await this.reader.assertReadable(principal, await manager.findOneBy(NominationEntity, { id: nominationId }), manager);
    assertExpectedVersion(row, expectedVersion);
    let { workflow, snapshot } = this.reader.restore(row);
    const fromState = row.state;
    if (!workflow.acceptedEventTypes(snapshot).includes(command.type)) {
      throw conflict(
        'EVENT_NOT_ALLOWED',
        `Không thể "${EVENT_LABELS[command.type]}" khi hồ sơ đang ở bước "${statusLabel(fromState)}"`,
        { state: fromState, event: command.type, allowed: workflow.acceptedEventTypes(snapshot) },
      );
    }
    const permission = mayAct(principal, row, snapshot.context, command.type, this.config.externalLevels);
    if (!permission.allowed) {
      const where = permission.organizationId
        ? (await manager.findOneBy(OrganizationEntity, { id: permission.organizationId }))?.name
        : 'cơ quan cấp trên';
      throw forbidden(`Bước "${EVENT_LABELS[command.type]}" chỉ do ${ROLE_LABELS[permission.requirement.role] ?? permission.requirement.role} của ${where ?? 'tổ chức phụ trách'} thực hiện`, {
        requiredRole: permission.requirement.role,
        organizationId: permission.organizationId,
      });
    }

    const now = new Date().toISOString();
    if (command.type === 'SUBMIT') {
      // A nomination is judged by the rule set in force on the day it is submitted, and keeps it.
      const ruleSet = this.catalog.ruleSetInForce(await this.provinceCode(manager, row), now);
      // A draft kept on an earlier machine version (the catalog changed meanwhile) starts on today's machine too.
      const outdated = ruleSet.forms.some((form) => form.code === row.formCode) && this.catalog.workflow(ruleSet.id, row.formCode).version !== row.machineVersion;
      if (ruleSet.id !== row.ruleSetId || outdated) {
        if (!ruleSet.forms.some((form) => form.code === row.formCode)) {
          throw ruleRefused(`Hình thức ${workflow.form.name} không còn trong ${ruleSet.name}`, { rule: 'form-in-force', ruleSetId: ruleSet.id });
        }
        row.ruleSetId = ruleSet.id;
        workflow = this.catalog.workflow(ruleSet.id, row.formCode);
        snapshot = workflow.start({ formCode: row.formCode, entryLevel: row.entryLevel });
        row.machineVersion = workflow.version;
      }
    }
    const event = this.eventFrom(command, principal, now, row.ruleSetId);
    const next = this.step(workflow, snapshot, event);
    const toState = workflow.statePath(next);
    const hookContext: StepContext = { manager, principal, row, workflow, before: snapshot, event };
    for (const check of this.checks) {
      const refusal = await check.check(hookContext);
      if (refusal) throw ruleRefused(refusal.message, { ...refusal.details, rule: refusal.rule });
    }

    await this.reserveDocumentNumber(manager, row, snapshot, event);
    const level = workflow.level(next);
    const holderOrganizationId = holderOrganization(row, toState, next.context);
    const update = {
      state: toState,
      snapshot: workflow.persist(next) as unknown as StoredSnapshot,
      ruleSetId: row.ruleSetId,
      machineVersion: row.machineVersion,
      currentLevel: level,
      holderOrganizationId,
      dueDate: next.context.deadline?.dueDate ?? null,
      submittedAt: next.context.submittedAt,
      updatedAt: now,
    };
    await commitStep(manager, row, update, {
      type: event.type,
      actor: principal,
      at: now,
      fromState,
      toState,
      payload: event as unknown as Record<string, unknown>,
    });
    if (level && row.levelOrganizations[level]) await this.grantAccess(manager, row.id, row.levelOrganizations[level]!);
    for (const listener of this.listeners) await listener.afterStep({ ...hookContext, after: next, toState });
    this.logger.log(
      JSON.stringify({ nomination: row.id, form: row.formCode, event: event.type, from: fromState, to: toState, actor: principal.username, version: row.version + 1 }),
    );

    const saved = (await manager.findOneBy(NominationEntity, { id: row.id }))!;
    const view = await this.reader.view(principal, saved, manager);
    if (key) {
      await manager.insert(IdempotencyRecordEntity, {
        userId: principal.userId,
        key,
        nominationId: row.id,
        requestHash,
        response: view as unknown as Record<string, unknown>,
        createdAt: now,
      } as QueryDeepPartialEntity<IdempotencyRecordEntity>);
    }
    return view;
  }

  /** The machine's step, then the due date of the step it leads into, carried in the event so replay is exact. */
  private step(workflow: NominationWorkflow, snapshot: NominationSnapshot, event: NominationEvent): NominationSnapshot {
    const first = workflow.step(snapshot, event);
    if (first.outcome === 'not-allowed') {
      throw conflict('EVENT_NOT_ALLOWED', `Không thể "${EVENT_LABELS[event.type]}" ở bước hiện tại`, { state: first.state });
    }
    if (first.outcome === 'refused') throw ruleRefused(first.refusal.message, { ...first.refusal.details, rule: first.refusal.rule });
    event.deadline = deadlineAfter(workflow.form, snapshot.context, workflow.statePath(first.snapshot), event, this.calendar);
    const second = workflow.step(snapshot, event);
    if (second.outcome !== 'accepted') throw new Error('Bước thứ hai của máy trạng thái không nhất quán');
    return second.snapshot;
  }

  /** The machine's event: the command with its actor and time, and the defaults the rule set gives. */
  private eventFrom(command: EventCommand, principal: Principal, at: string, ruleSetId: string): NominationEvent {
    const event = { ...command, actor: { userId: principal.userId, username: principal.username }, at } as Record<string, unknown>;
    const today = vietnamDate(at);
    if (command.type === 'REQUEST_SUPPLEMENT' && !command.dueDate) {
      event.dueDate = this.calendar.addWorkingDays(today, this.catalog.registry.byId(ruleSetId)!.supplementDefaultWorkingDays);
    }
    if (command.type === 'SIGN' && !command.date) event.date = today;
    return event as unknown as NominationEvent;
  }

  /** Decision and submission numbers are unique at their organization for the year; so is a revoking decision's. */
  private async reserveDocumentNumber(manager: EntityManager, row: NominationEntity, before: NominationSnapshot, event: NominationEvent) {
    if (event.type !== 'SIGN' && event.type !== 'REVOKE') return;
    const level = before.context.route[before.context.levelIndex] as Level;
    const organizationId = row.levelOrganizations[level];
    if (!organizationId) return;
    const year = Number(event.date.slice(0, 4));
    const numberTaken = () =>
      ruleRefused(`Số văn bản "${event.number}" đã được sử dụng tại cơ quan này trong năm ${year}`, {
        rule: 'document-number-unique',
        number: event.number,
        year,
      });
    const decisionId = event.type === 'SIGN' ? (event.decisionId ?? null) : null;
    const reserved = await manager.findOneBy(DocumentNumberEntity, { organizationId, year, number: event.number });
    // One batch decision, one number: its first signature reserves it, the others of the same decision share it.
    if (reserved && decisionId && reserved.decisionId === decisionId) return;
    if (reserved) throw numberTaken();
    const kind = event.type === 'REVOKE' ? 'revocation' : before.context.levelIndex === before.context.route.length - 1 ? 'decision' : 'submission';
    try {
      await manager.insert(DocumentNumberEntity, { organizationId, year, number: event.number, nominationId: row.id, kind, decisionId });
    } catch (error) {
      // Two signatures racing for one number (PostgreSQL): the loser's number is taken, its dossier is not stale.
      if (isUniqueViolation(error)) throw numberTaken();
      throw error;
    }
  }

  private async grantAccess(manager: EntityManager, nominationId: string, organizationId: string) {
    if (!(await manager.existsBy(NominationAccessEntity, { nominationId, organizationId }))) {
      await manager.insert(NominationAccessEntity, { nominationId, organizationId });
    }
  }

  private async provinceCode(manager: EntityManager, row: NominationEntity): Promise<string | null> {
    const lineage = await this.organizations.lineage(row.organizationId, manager);
    return lineage.find((organization) => organization.kind === 'province')?.code ?? null;
  }
}
