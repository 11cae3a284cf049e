import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Rating } from '../../workflows';

/** A year's mức độ hoàn thành nhiệm vụ; one per nominee and year. */
@Entity('nominee_ratings')
export class NomineeRatingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'nominee_id', type: 'varchar', length: 36 })
  nomineeId: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 20 })
  rating: Rating;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36, nullable: true })
  recordedBy: string | null;

  @Column({ name: 'recorded_at', type: 'varchar', length: 32 })
  recordedAt: string;
}
