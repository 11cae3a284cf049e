import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConfigError } from '../config/app-config';
import { demoPasswords } from '../config/production-secrets';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';

/**
 * In production no active account may still open with a password published with the demo data: every user's hash
 * is compared with each demo password once per start (one bcrypt comparison per user and demo password).
 */
@Injectable()
export class ProductionSafety {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  async refuseDemoPasswords(): Promise<void> {
    const passwords = demoPasswords();
    const users = await this.dataSource.getRepository(UserEntity).find({ where: { active: true }, order: { username: 'ASC' } });
    const offenders: string[] = [];
    for (const user of users) {
      for (const password of passwords) {
        if (await this.hasher.matches(password, user.passwordHash)) {
          offenders.push(user.username);
          break;
        }
      }
    }
    if (!offenders.length) return;
    const shown = offenders.slice(0, 10).join(', ') + (offenders.length > 10 ? ` và ${offenders.length - 10} tài khoản khác` : '');
    throw new ConfigError(
      `NODE_ENV=production nhưng ${offenders.length} tài khoản còn dùng mật khẩu của dữ liệu mẫu (${shown}): ` +
        'đổi mật khẩu hoặc khóa các tài khoản này trước khi chạy chính thức',
    );
  }
}
