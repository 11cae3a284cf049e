import { Injectable } from '@nestjs/common';
import { Not, In, type EntityManager } from 'typeorm';
import type { NomineeHistory } from '../../workflows';
import { NominationEntity } from '../nominations/nomination.entity';
import { NomineeAwardEntity } from './nominee-award.entity';
import { NomineeBlockResultEntity } from './nominee-block-result.entity';
import { NomineeFlagEntity } from './nominee-flag.entity';
import { NomineeRatingEntity } from './nominee-rating.entity';
import type { NomineeEntity } from './nominee.entity';

/** A nomination is open from its submission until it ends. */
export const NOT_OPEN_STATES = ['draft', 'awarded', 'rejected', 'withdrawn', 'revoked'];

export interface NomineeRecords {
  ratings: NomineeRatingEntity[];
  awards: NomineeAwardEntity[];
  flags: NomineeFlagEntity[];
  blockResults: NomineeBlockResultEntity[];
}

/** Reads what the registry holds about a nominee: as records for the API, as plain history for the eligibility rules. */
@Injectable()
export class NomineeHistoryReader {
  async records(manager: EntityManager, nomineeId: string): Promise<NomineeRecords> {
    // One query after the other: inside a transaction the manager holds a single connection.
    const ratings = await manager.find(NomineeRatingEntity, { where: { nomineeId }, order: { year: 'ASC' } });
    const awards = await manager.find(NomineeAwardEntity, { where: { nomineeId }, order: { year: 'ASC', decisionDate: 'ASC', recordedAt: 'ASC', formCode: 'ASC', id: 'ASC' } });
    const flags = await manager.find(NomineeFlagEntity, { where: { nomineeId }, order: { startsOn: 'ASC', id: 'ASC' } });
    const blockResults = await manager.find(NomineeBlockResultEntity, { where: { nomineeId }, order: { year: 'ASC' } });
    return { ratings, awards, flags, blockResults };
  }

  /** The submitted, unfinished nominations of the nominee, the one being judged left out. */
  async openNominations(manager: EntityManager, nomineeId: string, exceptNominationId?: string) {
    const rows = await manager.find(NominationEntity, {
      select: { id: true, formCode: true, campaignId: true, state: true },
      where: { nomineeId, state: Not(In(NOT_OPEN_STATES)) },
    });
    return rows.filter((row) => row.id !== exceptNominationId).map((row) => ({ nominationId: row.id, formCode: row.formCode, campaignId: row.campaignId }));
  }

  async history(manager: EntityManager, entry: NomineeEntity, exceptNominationId?: string): Promise<NomineeHistory> {
    const records = await this.records(manager, entry.id);
    const openNominations = await this.openNominations(manager, entry.id, exceptNominationId);
    return toHistory(entry, records, openNominations);
  }
}

export function toHistory(entry: NomineeEntity, records: NomineeRecords, openNominations: NomineeHistory['openNominations']): NomineeHistory {
  return {
    kind: entry.kind,
    category: entry.category,
    ratings: records.ratings.map((rating) => ({ year: rating.year, rating: rating.rating })),
    awards: records.awards.map((award) => ({ formCode: award.formCode, year: award.year, revoked: award.revokedOn !== null })),
    blockLeads: records.blockResults.map((result) => ({ year: result.year })),
    flags: records.flags.map((flag) => ({ kind: flag.kind, startsOn: flag.startsOn, endsOn: flag.endsOn, liftedOn: flag.liftedOn })),
    openNominations,
  };
}
