import { randomUUID } from 'node:crypto';
import { placeFromOrganizationName } from '../../workflows/council';
import type { CouncilSessionEntity } from './council-session.entity';

/** A session as it is scheduled — a council meeting or a block election — before anything has happened in it. */
export function scheduledSession(fields: {
  kind: CouncilSessionEntity['kind'];
  organizationId: string;
  organizationName: string;
  councilId: string | null;
  emulationBlockId: string | null;
  year: number | null;
  title: string;
  meetingDate: string;
  place?: string;
  createdBy: string;
}): CouncilSessionEntity {
  const { organizationName, place, title, ...rest } = fields;
  return {
    ...rest,
    id: randomUUID(),
    title: title.normalize('NFC'),
    place: (place ?? placeFromOrganizationName(organizationName)).normalize('NFC'),
    status: 'scheduled',
    quorumMinPresentPercent: null,
    minutesNumber: null,
    openedAt: null,
    closedAt: null,
    closedBy: null,
    createdAt: new Date().toISOString(),
  } as CouncilSessionEntity;
}
