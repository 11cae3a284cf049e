import { InitialSchema1763900000000 } from './1763900000000-initial-schema';
import { DossierDocuments1763900001000 } from './1763900001000-dossier-documents';
import { NomineeRegistry1763900002000 } from './1763900002000-nominee-registry';
import { NotificationsOutbox1763900003000 } from './1763900003000-notifications-outbox';
import { CalendarAnnouncements1763900004000 } from './1763900004000-calendar-announcements';
import { CouncilSessions1763900005000 } from './1763900005000-council-sessions';
import { Campaigns1763900006000 } from './1763900006000-campaigns';
import { Decisions1763900007000 } from './1763900007000-decisions';
import { StatisticsIndexes1763900009000 } from './1763900009000-statistics-indexes';
import { Exchange1763900010000 } from './1763900010000-exchange';
import { AuditChain1763900011000 } from './1763900011000-audit-chain';
import { LoginFailures1763900012000 } from './1763900012000-login-failures';

/** In order; each runs on sqlite and PostgreSQL. */
export const MIGRATIONS = [InitialSchema1763900000000, DossierDocuments1763900001000, NomineeRegistry1763900002000, NotificationsOutbox1763900003000, CalendarAnnouncements1763900004000, CouncilSessions1763900005000, Campaigns1763900006000, Decisions1763900007000, StatisticsIndexes1763900009000, Exchange1763900010000, AuditChain1763900011000, LoginFailures1763900012000];
