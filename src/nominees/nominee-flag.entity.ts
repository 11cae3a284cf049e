import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FlagKind } from '../../workflows';

/**
 * Something that stops or limits awards (awards.md principle 3): under discipline review, under investigation or
 * inspection, a complaint or denunciation being verified, or disciplined until a date.
 */
@Entity('nominee_flags')
export class NomineeFlagEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'nominee_id', type: 'varchar', length: 36 })
  nomineeId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: FlagKind;

  @Column({ name: 'starts_on', type: 'varchar', length: 10 })
  startsOn: string;

  /** The expected end; for a discipline, its last day. */
  @Column({ name: 'ends_on', type: 'varchar', length: 10, nullable: true })
  endsOn: string | null;

  @Column({ type: 'text' })
  note: string;

  /** From this day the flag is no longer in force. */
  @Column({ name: 'lifted_on', type: 'varchar', length: 10, nullable: true })
  liftedOn: string | null;

  @Column({ name: 'lift_note', type: 'text', nullable: true })
  liftNote: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36, nullable: true })
  recordedBy: string | null;

  @Column({ name: 'recorded_at', type: 'varchar', length: 32 })
  recordedAt: string;

  @Column({ name: 'lifted_by', type: 'varchar', length: 36, nullable: true })
  liftedBy: string | null;

  @Column({ name: 'lifted_at', type: 'varchar', length: 32, nullable: true })
  liftedAt: string | null;
}
