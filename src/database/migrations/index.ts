import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { NotificationsOutbox1763900003000 } from './1763900003000-notifications-outbox';
import { CalendarAnnouncements1763900004000 } from './1763900004000-calendar-announcements';

/** In order; each runs on sqlite and PostgreSQL. */
export const MIGRATIONS = [InitialSchema1763900000000, NotificationsOutbox1763900003000, CalendarAnnouncements1763900004000];
