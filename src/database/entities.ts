import { UserRoleEntity } from '../identity/user-role.entity';
import { UserEntity } from '../identity/user.entity';
import { DocumentNumberEntity } from '../nominations/document-number.entity';
import { IdempotencyRecordEntity } from '../nominations/idempotency-record.entity';
import { NominationAccessEntity } from '../nominations/nomination-access.entity';
import { NominationEventEntity } from '../nominations/nomination-event.entity';
import { NominationEntity } from '../nominations/nomination.entity';
import { OrganizationEntity } from '../organizations/organization.entity';

export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  UserRoleEntity,
  NominationEntity,
  NominationEventEntity,
  NominationAccessEntity,
  IdempotencyRecordEntity,
  DocumentNumberEntity,
];
