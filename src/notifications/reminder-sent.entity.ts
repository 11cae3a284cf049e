import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The overdue reminder of one step deadline, sent once: the key (nomination, state, due date) is the primary key,
 * so a second run, a restart or a second instance cannot send it again.
 */
@Entity('reminders_sent')
export class ReminderSentEntity {
  @PrimaryColumn({ name: 'nomination_id', type: 'varchar', length: 36 })
  nominationId: string;

  @PrimaryColumn({ type: 'varchar', length: 80 })
  state: string;

  @PrimaryColumn({ name: 'due_date', type: 'varchar', length: 10 })
  dueDate: string;

  @Column({ name: 'sent_at', type: 'varchar', length: 32 })
  sentAt: string;
}
