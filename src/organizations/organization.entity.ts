import { Column, Entity, PrimaryColumn } from 'typeorm';

export const ORGANIZATION_KINDS = ['unit', 'commune', 'agency', 'province', 'central'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: OrganizationKind;

  /** Short ASCII code; for a province it names the jurisdiction of its rule sets (e.g. `lai-chau`). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  code: string | null;

  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true })
  parentId: string | null;

  @Column({ name: 'appraisal_office_name', type: 'varchar', length: 255, nullable: true })
  appraisalOfficeName: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;
}
