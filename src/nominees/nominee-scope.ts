import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { forbidden } from '../common/app-error';
import { hasRoleAt, organizationsOf, type Principal } from '../identity/principal';
import { OrganizationEntity } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';

/** The offices that keep the registry: a commune's, an agency's or the province's appraisal office. */
const MANAGING_KINDS = new Set(['commune', 'agency', 'province']);

/**
 * Who sees and who keeps a registry entry. The owning organization and every organization above it read it (a
 * unit its own people, the commune its units', the province everything below it); the appraisal offices of the
 * commune or agency above it, and of the province, manage it.
 */
@Injectable()
export class NomineeScope {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  /** The owners whose entries the caller reads: its organizations and all below them; `all` for the administrator. */
  async readableOwners(principal: Principal, manager: EntityManager = this.dataSource.manager): Promise<Set<string> | 'all'> {
    if (principal.isAdmin) return 'all';
    const children = new Map<string, string[]>();
    for (const organization of await manager.find(OrganizationEntity, { select: { id: true, parentId: true } })) {
      if (!organization.parentId) continue;
      children.set(organization.parentId, [...(children.get(organization.parentId) ?? []), organization.id]);
    }
    const readable = new Set<string>();
    const queue = organizationsOf(principal);
    while (queue.length) {
      const next = queue.pop()!;
      if (readable.has(next)) continue;
      readable.add(next);
      queue.push(...(children.get(next) ?? []));
    }
    return readable;
  }

  async mayRead(principal: Principal, ownerId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (principal.isAdmin) return true;
    const lineage = await this.organizations.lineage(ownerId, manager);
    const mine = new Set(organizationsOf(principal));
    return lineage.some((organization) => mine.has(organization.id));
  }

  async assertReadable(principal: Principal, ownerId: string, manager?: EntityManager): Promise<void> {
    if (!(await this.mayRead(principal, ownerId, manager))) {
      throw forbidden('Đối tượng này không thuộc phạm vi tổ chức của bạn');
    }
  }

  /** The appraisal office of a commune, agency or province at or above the owner. */
  async mayManage(principal: Principal, ownerId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const lineage = await this.organizations.lineage(ownerId, manager);
    return lineage.some((organization) => MANAGING_KINDS.has(organization.kind) && hasRoleAt(principal, 'appraiser', organization.id));
  }

  async assertManageable(principal: Principal, ownerId: string, manager?: EntityManager): Promise<void> {
    if (!(await this.mayManage(principal, ownerId, manager))) {
      throw forbidden('Chỉ cơ quan thẩm định thi đua, khen thưởng của xã, cơ quan hoặc tỉnh quản lý được hồ sơ đối tượng này', {
        requiredRole: 'appraiser',
      });
    }
  }
}
