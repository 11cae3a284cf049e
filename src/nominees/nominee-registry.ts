import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { NomineeData } from '../nominations/nominee';
import { cleanName, nomineeMatchKey } from './nominee-identity';
import { NomineeEntity } from './nominee.entity';

/** The fields an entry keeps beyond its identity; an inline nominee fills the ones the entry lacks. */
const DETAIL_FIELDS = ['category', 'dateOfBirth', 'position', 'unitName', 'taxCode', 'householdHead', 'address'] as const;

/** Registry entries as nominations use them: found or created from the data a nomination carries. */
@Injectable()
export class NomineeRegistry {
  /**
   * The entry an inline nominee stands for in the owning organization, by the matching rule (nominee-identity.ts);
   * created when there is none. An existing entry keeps its data and only gains what it did not have. Safe under
   * concurrent creates: the insert ignores a conflict on the unique (organization, key) and the entry is read back.
   */
  async resolveInline(manager: EntityManager, organizationId: string, nominee: NomineeData, userId: string | null, now: string): Promise<NomineeEntity> {
    const matchKey = nomineeMatchKey(nominee);
    const existing = await manager.findOneBy(NomineeEntity, { organizationId, matchKey });
    if (existing) {
      const gained: Partial<NomineeEntity> = {};
      for (const field of DETAIL_FIELDS) {
        const value = nominee[field];
        if (value && !existing[field]) gained[field] = field === 'taxCode' || field === 'dateOfBirth' || field === 'category' ? value : cleanName(value);
      }
      if (Object.keys(gained).length) {
        await manager.update(NomineeEntity, { id: existing.id }, { ...gained, updatedAt: now });
        Object.assign(existing, gained);
      }
      return existing;
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(NomineeEntity)
      .values(entryFrom(randomUUID(), organizationId, nominee, userId, now) as QueryDeepPartialEntity<NomineeEntity>)
      .orIgnore()
      .execute();
    return manager.findOneByOrFail(NomineeEntity, { organizationId, matchKey });
  }
}

/** A new registry entry from a nominee's data. */
export function entryFrom(id: string, organizationId: string, nominee: NomineeData, userId: string | null, now: string): NomineeEntity {
  const text = (value: string | undefined) => (value ? cleanName(value) : null);
  return {
    id,
    organizationId,
    kind: nominee.kind,
    name: cleanName((nominee.kind === 'individual' ? nominee.fullName : nominee.name) ?? ''),
    matchKey: nomineeMatchKey(nominee),
    category: nominee.category ?? null,
    dateOfBirth: nominee.dateOfBirth ?? null,
    position: text(nominee.position),
    unitName: text(nominee.unitName),
    taxCode: nominee.taxCode ?? null,
    householdHead: text(nominee.householdHead),
    address: text(nominee.address),
    createdBy: userId,
    createdAt: now,
    updatedAt: now,
  };
}

/** The data a nomination carries for a registry entry (what GET /nominations/:id shows as `nominee`). */
export function nomineeDataOf(entry: NomineeEntity): NomineeData {
  const data: NomineeData = { kind: entry.kind, ...(entry.kind === 'individual' ? { fullName: entry.name } : { name: entry.name }) };
  for (const field of DETAIL_FIELDS) {
    if (entry[field]) data[field] = entry[field]!;
  }
  return data;
}
