import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The first answer to an `Idempotency-Key`, returned again to a retry instead of applying the event twice. */
@Entity('idempotency_records')
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @PrimaryColumn({ name: 'key', type: 'varchar', length: 200 })
  key: string;

  @Column({ name: 'nomination_id', type: 'varchar', length: 36 })
  nominationId: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ type: 'simple-json' })
  response: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;
}
