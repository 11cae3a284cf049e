import { InitialSchema1763900000000 } from './1763900000000-initial-schema';

/** In order; each runs on sqlite and PostgreSQL. */
export const MIGRATIONS = [InitialSchema1763900000000];
