import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';

/** `npm run migrate`: applies pending migrations to DATABASE_URL (the service also does it at start-up). */
async function main() {
  const config = loadAppConfig();
  const dataSource = await new DataSource(dataSourceOptions(config.database)).initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  console.log(applied.length ? `Đã áp dụng: ${applied.map((m) => m.name).join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất');
  await dataSource.destroy();
}

main().catch((error: Error) => {
  console.error(`Không chạy được migration: ${error.message}`);
  process.exit(1);
});
