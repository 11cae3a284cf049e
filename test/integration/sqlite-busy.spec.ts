import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryFailedError } from 'typeorm';
import { parseDatabaseUrl } from '../../src/config/app-config';
import { isSqliteBusy } from '../../src/database/write-serializer';
import { removeSqliteFile } from '../support/test-database';

/**
 * WriteSerializer retries a transaction another process's write lock refused. Its test reads the errors both sqlite
 * drivers really throw when a second connection holds the lock: better-sqlite3's SqliteError (code SQLITE_BUSY), as
 * TypeORM wraps it, and sqlite3's message.
 */
describe('SQLITE_BUSY from either embedded driver', () => {
  const file = join(tmpdir(), `tdkt-busy-${randomUUID()}.sqlite`);
  afterAll(() => removeSqliteFile(file));

  it('is recognized in better-sqlite3’s error shape, bare and wrapped by TypeORM', () => {
    const holder = new Database(file);
    holder.pragma('journal_mode = WAL');
    holder.exec('CREATE TABLE ho_so (id TEXT PRIMARY KEY)');
    const other = new Database(file, { timeout: 0 });
    holder.exec('BEGIN IMMEDIATE');
    let thrown: unknown;
    try {
      other.exec("INSERT INTO ho_so (id) VALUES ('giay-khen-chu-tich-xa')");
    } catch (error) {
      thrown = error;
    } finally {
      holder.exec('ROLLBACK');
      other.close();
      holder.close();
    }
    expect(thrown).toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) });
    expect(isSqliteBusy(thrown)).toBe(true);
    expect(isSqliteBusy(new QueryFailedError('INSERT INTO ho_so …', [], thrown as Error))).toBe(true);
  });

  it('is recognized in sqlite3’s message, and nothing else is taken for it', () => {
    expect(isSqliteBusy(new QueryFailedError('UPDATE …', [], Object.assign(new Error('SQLITE_BUSY: database is locked'), { errno: 5 })))).toBe(true);
    expect(isSqliteBusy(new QueryFailedError('INSERT …', [], Object.assign(new Error('UNIQUE constraint failed: ho_so.id'), { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' })))).toBe(false);
    expect(isSqliteBusy(new Error('Hồ sơ vừa được người khác cập nhật'))).toBe(false);
  });

  it('chooses the driver by DATABASE_URL’s prefix', () => {
    expect(parseDatabaseUrl('better-sqlite3:var/tdkt.sqlite')).toMatchObject({ type: 'sqlite', driver: 'better-sqlite3' });
    expect(parseDatabaseUrl('sqlite:var/tdkt.sqlite')).toMatchObject({ type: 'sqlite', driver: 'sqlite3' });
    expect(() => parseDatabaseUrl('better-sqlite3:')).toThrow(/thiếu đường dẫn/);
  });
});
