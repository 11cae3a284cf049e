import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '../../workflows';

/** A role held at one organization: the same person may appraise at the commune and sit on its council. */
@Entity('user_roles')
export class UserRoleEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  role: Role;
}
