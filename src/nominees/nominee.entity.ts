import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NomineeKind } from '../../workflows';

/**
 * One entry of the nominee registry: a person, a collective (an agency, a village, a cooperative, an enterprise) or
 * a household, owned by an organization (the unit that proposes it, or the commune or agency itself).
 */
@Entity('nominees')
export class NomineeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The owning organization: it and the organizations above it read the entry; the offices above manage it. */
  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: NomineeKind;

  /** Full name of a person; name of a collective or household (NFC, trimmed). */
  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** What identifies the entry within its organization (see nominee-identity.ts); unique with the organization. */
  @Column({ name: 'match_key', type: 'varchar', length: 320 })
  matchKey: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  category: string | null;

  @Column({ name: 'date_of_birth', type: 'varchar', length: 10, nullable: true })
  dateOfBirth: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  position: string | null;

  @Column({ name: 'unit_name', type: 'varchar', length: 255, nullable: true })
  unitName: string | null;

  @Column({ name: 'tax_code', type: 'varchar', length: 14, nullable: true })
  taxCode: string | null;

  @Column({ name: 'household_head', type: 'varchar', length: 255, nullable: true })
  householdHead: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt: string;
}
