import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A block election result (suy tôn): the collective led its emulation cluster or block in that year. */
@Entity('nominee_block_results')
export class NomineeBlockResultEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'nominee_id', type: 'varchar', length: 36 })
  nomineeId: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ name: 'block_name', type: 'varchar', length: 255 })
  blockName: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36, nullable: true })
  recordedBy: string | null;

  @Column({ name: 'recorded_at', type: 'varchar', length: 32 })
  recordedAt: string;
}
