import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, type EntityManager } from 'typeorm';
import { tooManyRequests } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { isSqliteType } from '../database/database-type';
import { WriteSerializer } from '../database/write-serializer';
import { LoginFailureEntity } from './login-failure.entity';

type Scope = LoginFailureEntity['scope'];

/** The same for every username, existing or not: the answers never tell which accounts exist. */
const LOCKED_MESSAGE = (minutes: number) =>
  `Đăng nhập bằng tên đăng nhập này đã bị tạm khóa do nhập sai mật khẩu nhiều lần liên tiếp; vui lòng thử lại sau ${minutes} phút hoặc liên hệ quản trị hệ thống`;
const ADDRESS_MESSAGE = (minutes: number) =>
  `Có quá nhiều lần đăng nhập không thành công từ địa chỉ này; vui lòng thử lại sau ${minutes} phút`;

/** Each failed attempt is answered after a pause growing with the username's consecutive failures (at most 1 s). */
const DELAY_STEP_MS = 250;
const MAX_DELAY_MS = 1000;
const WRITE_ATTEMPTS = 5;

export const usernameKey = (username: string) => username.normalize('NFC').trim().toLowerCase().slice(0, 255);

/**
 * Login throttling, counted in `login_failures` so that several instances share the counts: a username is locked for
 * LOGIN_LOCKOUT_MINUTES after LOGIN_MAX_FAILURES consecutive failures (a success resets it, an administrator may
 * unlock it), and a client address is refused for the rest of a lockout period once it has failed
 * LOGIN_MAX_FAILURES_PER_ADDRESS times within it. Both answer 429 with `Retry-After`.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
  ) {}

  /** Refuses (429) an attempt while the username is locked or the address has used up its failures. */
  async refuseIfThrottled(username: string, address: string, now = new Date()): Promise<void> {
    const rows = this.dataSource.getRepository(LoginFailureEntity);
    const byAddress = await rows.findOneBy({ scope: 'address', subject: address });
    if (byAddress && byAddress.failures >= this.config.login.maxFailuresPerAddress) {
      const windowEnds = this.windowEnd(byAddress);
      if (windowEnds > now.getTime()) throw this.refusal(ADDRESS_MESSAGE, windowEnds - now.getTime());
    }
    const byUsername = await rows.findOneBy({ scope: 'username', subject: usernameKey(username) });
    const lockedUntil = byUsername?.lockedUntil ? Date.parse(byUsername.lockedUntil) : 0;
    if (lockedUntil > now.getTime()) throw this.refusal(LOCKED_MESSAGE, lockedUntil - now.getTime());
  }

  /**
   * Counts a failed attempt for the username and the address, waits the growing pause, and refuses with 429 at
   * once when this failure locks the username.
   */
  async recordFailure(username: string, address: string, now = new Date()): Promise<void> {
    const user = await this.count('username', usernameKey(username), now);
    await this.count('address', address, now);
    await sleep(Math.min(MAX_DELAY_MS, DELAY_STEP_MS * (user.failures - 1)));
    if (user.lockedUntil) throw this.refusal(LOCKED_MESSAGE, Date.parse(user.lockedUntil) - now.getTime());
  }

  /** A successful login ends the username's run of failures (the address keeps its count for its period). */
  async recordSuccess(username: string): Promise<void> {
    await this.writes.transaction((manager) => manager.delete(LoginFailureEntity, { scope: 'username', subject: usernameKey(username) }));
  }

  /** An administrator lifts a username's lockout; answers whether it had any failures recorded. */
  async unlock(username: string): Promise<boolean> {
    return this.writes.transaction(async (manager) => {
      const result = await manager.delete(LoginFailureEntity, { scope: 'username', subject: usernameKey(username) });
      return (result.affected ?? 0) > 0;
    });
  }

  private refusal(message: (minutes: number) => string, remainingMs: number) {
    const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
    return tooManyRequests(message(Math.ceil(seconds / 60)), seconds, { retryAfterSeconds: seconds });
  }

  private windowEnd(row: LoginFailureEntity): number {
    return Date.parse(row.firstFailureAt) + this.config.login.lockoutMinutes * 60_000;
  }

  /**
   * One more failure, written with a compare-and-set on the row's previous count so that concurrent failures on
   * other instances are all counted; a run that is over (lockout or address period ended) starts again at 1.
   */
  private async count(scope: Scope, subject: string, now: Date): Promise<LoginFailureEntity> {
    for (let attempt = 1; ; attempt++) {
      try {
        const next = await this.writes.transaction((manager) => this.countWithin(manager, scope, subject, now));
        if (next) return next;
      } catch (error) {
        // Another instance inserted the first failure at the same moment: count on its row.
        if (attempt >= WRITE_ATTEMPTS) throw error;
        continue;
      }
      if (attempt >= WRITE_ATTEMPTS) throw new Error(`login_failures: ${scope} row kept changing`);
    }
  }

  private async countWithin(manager: EntityManager, scope: Scope, subject: string, now: Date): Promise<LoginFailureEntity | null> {
    const at = now.toISOString();
    // On PostgreSQL the row is locked for the count: twenty failures racing on several instances then queue on it
    // and each is counted, instead of all but one losing the compare-and-set below and running out of attempts
    // (a 500, and failures not counted). sqlite serializes writers already (WriteSerializer, SQLITE_BUSY retries).
    const current = await manager.findOne(LoginFailureEntity, {
      where: { scope, subject },
      ...(isSqliteType(manager.connection.options.type) ? {} : { lock: { mode: 'pessimistic_write' as const } }),
    });
    // A username's run ends with its lockout or after a lockout period without failures; an address's period is fixed.
    const runOver =
      !current ||
      (scope === 'username'
        ? current.lockedUntil
          ? Date.parse(current.lockedUntil) <= now.getTime()
          : Date.parse(current.lastFailureAt) + this.config.login.lockoutMinutes * 60_000 <= now.getTime()
        : this.windowEnd(current) <= now.getTime());
    const failures = runOver ? 1 : current.failures + 1;
    const lockedUntil =
      scope === 'username' && failures >= this.config.login.maxFailures
        ? new Date(now.getTime() + this.config.login.lockoutMinutes * 60_000).toISOString()
        : null;
    const next: LoginFailureEntity = {
      scope,
      subject,
      failures,
      firstFailureAt: runOver ? at : current.firstFailureAt,
      lastFailureAt: at,
      lockedUntil,
    };
    if (!current) {
      await manager.insert(LoginFailureEntity, next);
      return next;
    }
    const result = await manager
      .createQueryBuilder()
      .update(LoginFailureEntity)
      .set({ failures: next.failures, firstFailureAt: next.firstFailureAt, lastFailureAt: next.lastFailureAt, lockedUntil: next.lockedUntil })
      .where({ scope, subject, failures: current.failures, lastFailureAt: current.lastFailureAt })
      .execute();
    return result.affected === 1 ? next : null;
  }
}
