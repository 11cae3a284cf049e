import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { loadRuleSets, loadWorkingCalendar, RuleSetRegistry, WorkingCalendar } from '../workflows';
import { CalendarAnnouncementsService } from './calendar/calendar-announcements.service';
import { CalendarController } from './calendar/calendar.controller';
import { AwardFormsController } from './catalog/award-forms.controller';
import { WorkflowCatalog } from './catalog/workflow-catalog.service';
import { MachineArchive } from './catalog/machine-archive';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source-options';
import { WriteSerializer } from './database/write-serializer';
import { AdminBootstrap } from './identity/admin-bootstrap';
import { AuthController } from './identity/auth.controller';
import { AuthGuard } from './identity/auth.guard';
import { AuthService } from './identity/auth.service';
import { LoginThrottle } from './identity/login-throttle';
import { ProductionSafety } from './identity/production-safety';
import { PasswordHasher } from './identity/password-hasher';
import { PrincipalLoader } from './identity/principal-loader';
import { UsersController } from './identity/users.controller';
import { UsersService } from './identity/users.service';
import { AdvanceNominationUseCase } from './nominations/advance-nomination.use-case';
import { NominationReader } from './nominations/nomination-reader';
import { NominationsController } from './nominations/nominations.controller';
import { NominationsService } from './nominations/nominations.service';
import { STEP_CHECKS, STEP_LISTENERS, type StepCheck, type StepListener } from './nominations/step-hooks';
import { CAMPAIGN_PROVIDERS, CampaignReviewCheck, CampaignReviewListener, CampaignsController } from './campaigns';
import { COUNCIL_PROVIDERS, CouncilAgendaCheck, CouncilSessionsController, CouncilsController, EmulationBlocksController } from './councils';
import { DECISION_PROVIDERS, DecisionsController } from './decisions';
import { DOSSIER_PROVIDERS, DossierCompleteCheck, DossierDocumentsController } from './dossiers';
import { EligibilityStepCheck, NOMINEE_PROVIDERS, NomineeHistoryStepListener, NomineesController } from './nominees';
import { NOTIFICATION_PROVIDERS, NotificationsController, NotificationStepListener, OverdueRemindersJob } from './notifications';
import { SCHEDULED_JOBS, SCHEDULER_PROVIDERS, type ScheduledJob } from './scheduler';
import { WEBHOOK_PROVIDERS, WebhookDispatcherJob, WebhookOutboxListener } from './webhooks';
import { EXCHANGE_PROVIDERS, ExchangeController } from './exchange';
import { STATISTICS_PROVIDERS, StatisticsController } from './statistics';
import { SPREADSHEET_PROVIDERS, SpreadsheetsController } from './spreadsheets';
import { OrganizationsController } from './organizations/organizations.controller';
import { OrganizationsService } from './organizations/organizations.service';
import { HealthController } from './health/health.controller';

@Module({})
export class AppModule {
  /** The whole service for one configuration (the app, the CLI and the tests build it the same way). */
  static forConfig(
    config: AppConfig,
    registry: RuleSetRegistry = loadRuleSets(),
    calendar: WorkingCalendar = loadWorkingCalendar(),
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.database), migrationsRun: true }),
        JwtModule.register({ secret: config.jwtSecret, signOptions: { expiresIn: config.jwtExpiresIn as never } }),
      ],
      controllers: [AuthController, UsersController, OrganizationsController, AwardFormsController, SpreadsheetsController, NominationsController, CalendarController, NotificationsController, DossierDocumentsController, NomineesController, CouncilsController, CouncilSessionsController, EmulationBlocksController, DecisionsController, CampaignsController, StatisticsController, ExchangeController, HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: RuleSetRegistry, useValue: registry },
        { provide: WorkingCalendar, useValue: calendar },
        CalendarAnnouncementsService,
        { provide: APP_GUARD, useClass: AuthGuard },
        WriteSerializer,
        WorkflowCatalog,
        MachineArchive,
        PasswordHasher,
        PrincipalLoader,
        AuthService,
        LoginThrottle,
        ProductionSafety,
        UsersService,
        AdminBootstrap,
        OrganizationsService,
        NominationReader,
        NominationsService,
        AdvanceNominationUseCase,
        ...DOSSIER_PROVIDERS,
        ...CAMPAIGN_PROVIDERS,
        ...NOMINEE_PROVIDERS,
        ...COUNCIL_PROVIDERS,
        ...DECISION_PROVIDERS,
        ...NOTIFICATION_PROVIDERS,
        ...WEBHOOK_PROVIDERS,
        ...EXCHANGE_PROVIDERS,
        ...STATISTICS_PROVIDERS,
        ...SPREADSHEET_PROVIDERS,
        ...SCHEDULER_PROVIDERS,
        { provide: SCHEDULED_JOBS, useFactory: (...jobs: ScheduledJob[]) => jobs, inject: [OverdueRemindersJob, WebhookDispatcherJob] },
        // Rules and reactions that need data beyond the machine plug in here, each from its own feature folder.
        { provide: STEP_CHECKS, useFactory: (...checks: StepCheck[]) => checks, inject: [CampaignReviewCheck, DossierCompleteCheck, EligibilityStepCheck, CouncilAgendaCheck] },
        { provide: STEP_LISTENERS, useFactory: (...listeners: StepListener[]) => listeners, inject: [NotificationStepListener, WebhookOutboxListener, NomineeHistoryStepListener, CampaignReviewListener] },
      ],
      exports: [NominationsService, AdvanceNominationUseCase, UsersService, OrganizationsService, WorkflowCatalog],
    };
  }
}
