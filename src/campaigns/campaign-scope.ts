import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { forbidden, notFound } from '../common/app-error';
import { organizationsOf, type Principal } from '../identity/principal';
import { OrganizationEntity } from '../organizations/organization.entity';
import type { CampaignEntity } from './campaign.entity';

/** Organizations as a tree: each one's parent and children, read once per request (the tree is small). */
export class OrganizationTree {
  private readonly byId: Map<string, OrganizationEntity>;
  private readonly children = new Map<string, OrganizationEntity[]>();

  constructor(organizations: OrganizationEntity[]) {
    this.byId = new Map(organizations.map((organization) => [organization.id, organization]));
    for (const organization of organizations) {
      if (!organization.parentId) continue;
      this.children.set(organization.parentId, [...(this.children.get(organization.parentId) ?? []), organization]);
    }
  }

  get(id: string): OrganizationEntity | undefined {
    return this.byId.get(id);
  }

  /** The organization, then its parent, up to the top. */
  lineage(id: string): OrganizationEntity[] {
    const chain: OrganizationEntity[] = [];
    for (let next = this.byId.get(id); next && chain.length < 10; next = next.parentId ? this.byId.get(next.parentId) : undefined) chain.push(next);
    return chain;
  }

  childrenOf(id: string): OrganizationEntity[] {
    return [...(this.children.get(id) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }

  /** Every organization below, at any depth. */
  descendants(id: string): OrganizationEntity[] {
    const found: OrganizationEntity[] = [];
    const queue = [...this.childrenOf(id)];
    while (queue.length && found.length < 100_000) {
      const next = queue.shift()!;
      found.push(next);
      queue.push(...this.childrenOf(next.id));
    }
    return found;
  }
}

/**
 * Who sees which campaign: its issuing organization, every organization under it (who take part and report) and
 * every one above it (who oversee); an administrator sees all.
 */
@Injectable()
export class CampaignScope {
  constructor(private readonly dataSource: DataSource) {}

  async tree(manager: EntityManager = this.dataSource.manager): Promise<OrganizationTree> {
    return new OrganizationTree(await manager.find(OrganizationEntity));
  }

  /** The issuing organizations whose campaigns the caller sees; null for an administrator (all). */
  async visibleIssuers(principal: Principal, tree: OrganizationTree): Promise<Set<string> | null> {
    if (principal.isAdmin) return null;
    const issuers = new Set<string>();
    for (const organizationId of organizationsOf(principal)) {
      for (const organization of tree.lineage(organizationId)) issuers.add(organization.id);
      for (const organization of tree.descendants(organizationId)) issuers.add(organization.id);
    }
    return issuers;
  }

  async assertVisible(principal: Principal, campaign: CampaignEntity | null, manager?: EntityManager): Promise<CampaignEntity> {
    if (!campaign) throw notFound('Không tìm thấy phong trào thi đua');
    const issuers = await this.visibleIssuers(principal, await this.tree(manager));
    if (issuers && !issuers.has(campaign.issuingOrganizationId)) {
      throw forbidden('Phong trào thi đua này không thuộc phạm vi tổ chức của bạn');
    }
    return campaign;
  }
}
