import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { SnapshotRestoreError, SnapshotUnknownStateError, type NominationSnapshot, type NominationWorkflow, type PersistedNominationSnapshot } from '../../workflows';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import { conflict, forbidden, notFound } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { organizationsOf, type Principal } from '../identity/principal';
import { OrganizationEntity } from '../organizations/organization.entity';
import { NominationAccessEntity } from './nomination-access.entity';
import { allowedEventsFor } from './nomination-scope';
import { toNominationView, type NominationView, type OrganizationRef } from './nomination-view';
import type { NominationEntity } from './nomination.entity';

/** Loads a nomination's machine state and builds the caller's view of it; shared by the queries and the use case. */
@Injectable()
export class NominationReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: WorkflowCatalog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The stored snapshot restored on the machine it was saved with (today's, or an earlier version rebuilt from its
   * kept definition); an unrestorable one is a 409, never a crash, and a state the machine lacks is never reset.
   */
  restore(row: NominationEntity): { workflow: NominationWorkflow; snapshot: NominationSnapshot } {
    const found = this.catalog.workflowAt(row.ruleSetId, row.formCode, row.machineVersion);
    if (!found.workflow) {
      throw conflict(
        'SNAPSHOT_INCOMPATIBLE',
        `Hồ sơ được lưu với phiên bản quy trình ${row.machineVersion}, hệ thống không còn quy trình này (${found.reason}); cần chuyển đổi dữ liệu trước khi xử lý tiếp`,
        { machineVersion: row.machineVersion, reason: found.reason },
      );
    }
    const workflow = found.workflow;
    try {
      return { workflow, snapshot: workflow.restore(row.snapshot as PersistedNominationSnapshot) };
    } catch (error) {
      if (error instanceof SnapshotUnknownStateError) {
        throw conflict('SNAPSHOT_UNKNOWN_STATE', `${error.message}: hồ sơ được giữ nguyên, cần kiểm tra dữ liệu trước khi xử lý tiếp`, {
          state: error.state,
          machineVersion: row.machineVersion,
        });
      }
      if (error instanceof SnapshotRestoreError) throw conflict('SNAPSHOT_UNRESTORABLE', error.message);
      throw error;
    }
  }

  async canRead(principal: Principal, nominationId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (principal.isAdmin) return true;
    const organizations = organizationsOf(principal);
    if (!organizations.length) return false;
    return manager.existsBy(NominationAccessEntity, { nominationId, organizationId: In(organizations) });
  }

  async assertReadable(principal: Principal, row: NominationEntity | null, manager?: EntityManager): Promise<NominationEntity> {
    if (!row) throw notFound('Không tìm thấy hồ sơ đề nghị khen thưởng');
    if (!(await this.canRead(principal, row.id, manager))) {
      throw forbidden('Hồ sơ này không thuộc phạm vi tổ chức của bạn');
    }
    return row;
  }

  async organizationRefs(ids: Iterable<string | null>, manager: EntityManager = this.dataSource.manager) {
    const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
    const rows = wanted.length ? await manager.findBy(OrganizationEntity, { id: In(wanted) }) : [];
    return new Map<string, OrganizationRef>(rows.map((o) => [o.id, { id: o.id, name: o.name, appraisalOfficeName: o.appraisalOfficeName }]));
  }

  async views(principal: Principal, rows: NominationEntity[], manager?: EntityManager): Promise<NominationView[]> {
    const organizations = await this.organizationRefs(
      rows.flatMap((row) => [row.organizationId, row.holderOrganizationId, ...Object.values(row.levelOrganizations)]),
      manager,
    );
    return rows.map((row) => {
      const { workflow, snapshot } = this.restore(row);
      const allowed = allowedEventsFor(principal, row, workflow, snapshot, this.config.externalLevels);
      return toNominationView(row, workflow, snapshot, allowed, organizations);
    });
  }

  async view(principal: Principal, row: NominationEntity, manager?: EntityManager): Promise<NominationView> {
    return (await this.views(principal, [row], manager))[0];
  }
}
