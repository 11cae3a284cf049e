import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { loadAppConfig } from './config/app-config';

async function bootstrap() {
  const config = loadAppConfig();
  const app = await NestFactory.create(AppModule.forConfig(config), { bodyParser: false });
  configureApp(app);
  app.enableShutdownHooks();
  await app.listen(config.port);
  Logger.log(`Đang phục vụ tại http://localhost:${config.port}/ (giao diện web; API: /api, tài liệu API: /api/docs)`, 'Bootstrap');
}

bootstrap().catch((error: Error) => {
  // A bad catalog entry or bad configuration stops the start with its own message, not a stack of framework frames.
  console.error(`Không khởi động được: ${error.message}`);
  process.exit(1);
});
