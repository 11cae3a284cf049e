import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import { HttpErrorFilter } from './common/http-error.filter';
import { describeValidationErrors, invalidInput } from './common/validation';
import { ValidationPipe } from '@nestjs/common';
import { serveWebApp } from './web/web-app';

/** Everything the HTTP application needs beyond its modules; shared by main.ts and the e2e tests. */
export function configureApp(app: INestApplication): void {
  app.setGlobalPrefix('api');
  app.use(json({ limit: '1mb' }));
  app.useGlobalFilters(new HttpErrorFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => invalidInput(describeValidationErrors(errors)),
    }),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Thi đua – Khen thưởng: quy trình đề nghị khen thưởng')
      .setDescription('API của hệ thống xử lý hồ sơ đề nghị khen thưởng: đơn vị đề nghị, thẩm định, Hội đồng, ký, chuyển cấp trên.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  serveWebApp(app);
}
