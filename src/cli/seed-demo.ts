import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { loadAppConfig } from '../config/app-config';
import { DemoSeeder } from '../demo/demo-seeder';

/** `npm run seed:demo`: the organizations, users and nominations of data/demo, once (skipped if already there). */
async function main() {
  const app = await NestFactory.createApplicationContext(AppModule.forConfig(loadAppConfig()), { logger: ['error', 'warn'] });
  const result = await new DemoSeeder(app).seed();
  console.log(result);
  await app.close();
}

main().catch((error: Error) => {
  console.error(`Không nạp được dữ liệu mẫu: ${error.message}`);
  process.exit(1);
});
