import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed logins of one username or one client address (`scope`), kept in the database so that every instance
 * counts the same attempts. A username's row counts consecutive failures (a successful login deletes it) whether
 * or not such a user exists, so the answers never tell which usernames do.
 */
@Entity('login_failures')
export class LoginFailureEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  scope: 'username' | 'address';

  /** The username (NFC, trimmed, lower case) or the client address. */
  @PrimaryColumn({ type: 'varchar', length: 255 })
  subject: string;

  @Column({ type: 'integer' })
  failures: number;

  /** The first failure counted: an address's failures are counted within one lockout period from it. */
  @Column({ name: 'first_failure_at', type: 'varchar', length: 32 })
  firstFailureAt: string;

  @Column({ name: 'last_failure_at', type: 'varchar', length: 32 })
  lastFailureAt: string;

  @Column({ name: 'locked_until', type: 'varchar', length: 32, nullable: true })
  lockedUntil: string | null;
}
