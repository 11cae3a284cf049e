import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The append-only log: one row per accepted event, written in the same transaction as the new snapshot. */
@Entity('nomination_events')
export class NominationEventEntity {
  @PrimaryColumn({ name: 'nomination_id', type: 'varchar', length: 36 })
  nominationId: string;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ name: 'actor_user_id', type: 'varchar', length: 36 })
  actorUserId: string;

  @Column({ name: 'actor_username', type: 'varchar', length: 64 })
  actorUsername: string;

  @Column({ type: 'varchar', length: 32 })
  at: string;

  @Column({ name: 'from_state', type: 'varchar', length: 80 })
  fromState: string;

  @Column({ name: 'to_state', type: 'varchar', length: 80 })
  toState: string;

  /** The event as the machine received it (with the service-computed deadline), so replay is exact. */
  @Column({ type: 'simple-json' })
  payload: { [field: string]: unknown };

  /** The audit chain (workflows/integrity): the hash of the row before it in this log, null for seq 0. */
  @Column({ name: 'prev_hash', type: 'varchar', length: 64, nullable: true })
  prevHash: string | null;

  /** SHA-256 of this row's canonical serialization, prev_hash included: an edit or a deletion breaks the chain. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  hash: string | null;
}
