import { CalendarAnnouncementEntity } from '../calendar/calendar-announcement.entity';
import { UserRoleEntity } from '../identity/user-role.entity';
import { UserEntity } from '../identity/user.entity';
import { DocumentNumberEntity } from '../nominations/document-number.entity';
import { IdempotencyRecordEntity } from '../nominations/idempotency-record.entity';
import { NominationAccessEntity } from '../nominations/nomination-access.entity';
import { NominationEventEntity } from '../nominations/nomination-event.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { ReminderSentEntity } from '../notifications/reminder-sent.entity';
import { OrganizationEntity } from '../organizations/organization.entity';
import { ScheduledJobEntity } from '../scheduler/scheduled-job.entity';
import { WebhookOutboxEntity } from '../webhooks/webhook-outbox.entity';

export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  UserRoleEntity,
  NominationEntity,
  NominationEventEntity,
  NominationAccessEntity,
  IdempotencyRecordEntity,
  DocumentNumberEntity,
  NotificationEntity,
  ReminderSentEntity,
  ScheduledJobEntity,
  WebhookOutboxEntity,
  CalendarAnnouncementEntity,
];
