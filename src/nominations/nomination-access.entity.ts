import { Entity, PrimaryColumn } from 'typeorm';

/** Which organizations may read a nomination: its proposer, then each level's organization as the dossier reaches it. */
@Entity('nomination_access')
export class NominationAccessEntity {
  @PrimaryColumn({ name: 'nomination_id', type: 'varchar', length: 36 })
  nominationId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;
}
