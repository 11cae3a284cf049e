import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AppError } from '../common/app-error';
import { Public } from '../identity/auth.decorators';

export interface HealthView {
  status: 'ok';
  database: string;
  /** The newest migration applied: instances behind one load balancer should all answer the same. */
  schema: string | null;
}

/**
 * A readiness check for load balancers and monitoring: answers only when the database answers, by reading one row
 * (the newest applied migration). No token; it says nothing about the data.
 */
@ApiTags('Hệ thống')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Kiểm tra sẵn sàng: dịch vụ và cơ sở dữ liệu trả lời (đọc một dòng), cho bộ cân bằng tải và giám sát' })
  async health(): Promise<HealthView> {
    const table = this.dataSource.options.migrationsTableName ?? 'migrations';
    try {
      const rows: Array<{ name: string }> = await this.dataSource.query(`SELECT name FROM ${table} ORDER BY id DESC LIMIT 1`);
      return { status: 'ok', database: this.dataSource.options.type, schema: rows[0]?.name ?? null };
    } catch {
      throw new AppError(503, 'DATABASE_UNAVAILABLE', 'Cơ sở dữ liệu không trả lời; dịch vụ chưa sẵn sàng');
    }
  }
}
