import { DataSource } from 'typeorm';
import { loadRuleSets } from '../../workflows';
import { MachineArchive } from '../catalog/machine-archive';
import { WorkflowCatalog } from '../catalog/workflow-catalog.service';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { WriteSerializer } from '../database/write-serializer';
import { verifyIntegrity, type IntegrityReport } from './integrity-verifier';

export class PendingMigrationsError extends Error {
  constructor() {
    super('Cơ sở dữ liệu chưa ở phiên bản mới nhất: chạy npm run migrate trước khi kiểm tra');
  }
}

/** Opens the configured database read-only in spirit (no migration, nothing recorded) and verifies it. */
export async function verifyDatabase(config: AppConfig): Promise<IntegrityReport> {
  const dataSource = await new DataSource(dataSourceOptions(config.database)).initialize();
  try {
    if (await dataSource.showMigrations()) throw new PendingMigrationsError();
    const catalog = new WorkflowCatalog(config, loadRuleSets());
    await new MachineArchive(dataSource, new WriteSerializer(dataSource), catalog).load();
    return await verifyIntegrity({ dataSource, catalog, documentsDir: config.documents.dir });
  } finally {
    await dataSource.destroy();
  }
}
