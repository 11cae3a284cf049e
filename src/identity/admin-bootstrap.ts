import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ProductionSafety } from './production-safety';
import { UsersService } from './users.service';

/**
 * ADMIN_USERNAME / ADMIN_PASSWORD create (or reset) the system administrator at start-up; then, in production, no
 * account may still have a demo password (the start fails with a ConfigError: main.ts prints it and exits 1).
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Identity');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly safety: ProductionSafety,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.admin) {
      await this.users.ensureAdministrator(this.config.admin.username, this.config.admin.password);
      this.logger.log(`Tài khoản quản trị "${this.config.admin.username}" đã sẵn sàng`);
    }
    if (this.config.production) await this.safety.refuseDemoPasswords();
  }
}
