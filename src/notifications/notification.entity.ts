import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `action-required`: the user's role must act next; `outcome`: news for the proposing unit; `overdue`: a reminder. */
export const NOTIFICATION_KINDS = ['action-required', 'outcome', 'overdue'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One message for one user about one nomination, written in the transaction of the step (or reminder) behind it. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'nomination_id', type: 'varchar', length: 36, nullable: true })
  nominationId: string | null;

  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  /** The step that caused it (`SUBMIT`, `SIGN`, …), or `OVERDUE` for a reminder. */
  @Column({ name: 'event_type', type: 'varchar', length: 40 })
  eventType: string;

  /** The nomination's state when the notification was written. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  state: string | null;

  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ name: 'read_at', type: 'varchar', length: 32, nullable: true })
  readAt: string | null;
}
