import { Inject, Injectable } from '@nestjs/common';
import * as bcrypt from 'bcryptjs';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

@Injectable()
export class PasswordHasher {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.config.bcryptCost);
  }

  matches(password: string, hash: string): Promise<boolean> {
    return bcrypt.compare(password, hash);
  }
}
