import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ruleRefused, notFound } from '../common/app-error';
import { WriteSerializer } from '../database/write-serializer';
import type { CreateOrganizationDto } from './dto';
import { OrganizationEntity, type OrganizationKind } from './organization.entity';

/** Which kinds of organization may sit directly under which (a unit under a commune or an agency, …). */
const ALLOWED_PARENTS: Record<OrganizationKind, Array<OrganizationKind | null>> = {
  central: [null],
  province: [null, 'central'],
  commune: ['province'],
  agency: ['province'],
  unit: ['commune', 'agency'],
};

const KIND_LABELS: Record<OrganizationKind, string> = {
  unit: 'đơn vị',
  commune: 'xã',
  agency: 'cơ quan cấp tỉnh',
  province: 'tỉnh',
  central: 'Trung ương',
};

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
  ) {}

  create(dto: CreateOrganizationDto): Promise<OrganizationEntity> {
    return this.writes.transaction(async (manager) => {
      const parent = dto.parentId ? await manager.findOneBy(OrganizationEntity, { id: dto.parentId }) : null;
      if (dto.parentId && !parent) throw notFound(`Không tìm thấy tổ chức cấp trên ${dto.parentId}`, { field: 'parentId' });
      if (!ALLOWED_PARENTS[dto.kind].includes(parent?.kind ?? null)) {
        const allowed = ALLOWED_PARENTS[dto.kind].map((kind) => (kind ? KIND_LABELS[kind] : 'không có cấp trên')).join(' hoặc ');
        throw ruleRefused(`Tổ chức loại ${KIND_LABELS[dto.kind]} phải trực thuộc: ${allowed}`, {
          rule: 'organization-hierarchy',
          field: 'parentId',
        });
      }
      const organization = manager.create(OrganizationEntity, {
        id: randomUUID(),
        name: dto.name.normalize('NFC'),
        kind: dto.kind,
        code: dto.code ?? null,
        parentId: parent?.id ?? null,
        appraisalOfficeName: dto.appraisalOfficeName?.normalize('NFC') ?? null,
        createdAt: new Date().toISOString(),
      });
      await manager.insert(OrganizationEntity, organization);
      return organization;
    });
  }

  list(): Promise<OrganizationEntity[]> {
    return this.dataSource.getRepository(OrganizationEntity).find({ order: { createdAt: 'ASC', name: 'ASC' } });
  }

  /** The organization itself, then its parent, up to the top. */
  async lineage(id: string, manager: EntityManager = this.dataSource.manager): Promise<OrganizationEntity[]> {
    const chain: OrganizationEntity[] = [];
    for (let next: string | null = id; next && chain.length < 10; ) {
      const organization: OrganizationEntity | null = await manager.findOneBy(OrganizationEntity, { id: next });
      if (!organization) break;
      chain.push(organization);
      next = organization.parentId;
    }
    return chain;
  }
}
