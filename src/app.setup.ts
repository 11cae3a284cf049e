import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import helmet from 'helmet';
import { HttpErrorFilter } from './common/http-error.filter';
import { refuseHostileJson, refuseNulInUrl } from './common/input-guards';
import { describeValidationErrors, invalidInput } from './common/validation';
import { ValidationPipe } from '@nestjs/common';
import { serveWebApp } from './web/web-app';
import { APP_CONFIG, type AppConfig } from './config/app-config';

/** Everything the HTTP application needs beyond its modules; shared by main.ts and the e2e tests. */
export function configureApp(app: INestApplication): void {
  app.use(securityHeaders());
  app.getHttpAdapter().getInstance().set('trust proxy', app.get<AppConfig>(APP_CONFIG).trustProxy);
  app.setGlobalPrefix('api');
  app.use(refuseNulInUrl);
  app.use(json({ limit: '1mb', verify: refuseHostileJson }));
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

/**
 * Helmet's headers on every answer (API, docs, web pages). The content security policy allows this origin's files
 * only: the web application's build loads its hashed scripts and styles from /assets; Swagger UI (/api/docs) loads
 * its scripts from /api/docs/ and needs inline styles and data: images. No `upgrade-insecure-requests`: a commune
 * may serve the application over plain HTTP on its own network, where it would break every asset.
 */
function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
        'base-uri': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
    strictTransportSecurity: { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
