import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A day off or a make-up working day announced by the government and recorded by an administrator. */
@Entity('calendar_announcements')
export class CalendarAnnouncementEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date: string;

  @Column({ name: 'working_day', type: 'boolean' })
  workingDay: boolean;

  @Column({ type: 'varchar', length: 20, nullable: true })
  kind: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 500 })
  source: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;
}
