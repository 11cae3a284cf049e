import { CalendarAnnouncementEntity } from '../calendar/calendar-announcement.entity';
import { CAMPAIGN_ENTITIES } from '../campaigns/entities';
import { MachineDefinitionEntity } from '../catalog/machine-definition.entity';
import { COUNCIL_ENTITIES } from '../councils/entities';
import { DECISION_ENTITIES } from '../decisions/decision.entity';
import { DossierDocumentEntity } from '../dossiers/dossier-document.entity';
import { ExchangePackageEntity } from '../exchange/exchange-package.entity';
import { IncomingDossierEntity } from '../exchange/incoming-dossier.entity';
import { UserRoleEntity } from '../identity/user-role.entity';
import { UserEntity } from '../identity/user.entity';
import { LoginFailureEntity } from '../identity/login-failure.entity';
import { DocumentNumberEntity } from '../nominations/document-number.entity';
import { IdempotencyRecordEntity } from '../nominations/idempotency-record.entity';
import { NominationAccessEntity } from '../nominations/nomination-access.entity';
import { NominationEventEntity } from '../nominations/nomination-event.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { NomineeAwardEntity } from '../nominees/nominee-award.entity';
import { NomineeBlockResultEntity } from '../nominees/nominee-block-result.entity';
import { NomineeFlagEntity } from '../nominees/nominee-flag.entity';
import { NomineeRatingEntity } from '../nominees/nominee-rating.entity';
import { NomineeEntity } from '../nominees/nominee.entity';
import { OpenNominationClaimEntity } from '../nominees/open-nomination-claim.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { ReminderSentEntity } from '../notifications/reminder-sent.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ScheduledJobEntity } from '../scheduler/scheduled-job.entity';
import { WebhookOutboxEntity } from '../webhooks/webhook-outbox.entity';

export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  UserRoleEntity,
  LoginFailureEntity,
  NominationEntity,
  NominationEventEntity,
  MachineDefinitionEntity,
  NominationAccessEntity,
  NomineeEntity,
  NomineeRatingEntity,
  NomineeAwardEntity,
  NomineeFlagEntity,
  NomineeBlockResultEntity,
  OpenNominationClaimEntity,
  DossierDocumentEntity,
  IdempotencyRecordEntity,
  DocumentNumberEntity,
  NotificationEntity,
  ReminderSentEntity,
  ScheduledJobEntity,
  WebhookOutboxEntity,
  CalendarAnnouncementEntity,
  ...COUNCIL_ENTITIES,
  ...DECISION_ENTITIES,
  ExchangePackageEntity,
  IncomingDossierEntity,
  ...CAMPAIGN_ENTITIES,
];
