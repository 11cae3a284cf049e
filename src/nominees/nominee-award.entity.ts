import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `system`: granted by a nomination in this deployment; `entered`: recorded by an office; `imported`: a batch. */
export const AWARD_SOURCES = ['system', 'entered', 'imported'] as const;
export type AwardSource = (typeof AWARD_SOURCES)[number];

/** A title or award the nominee holds (or held, when revoked): the registry's history of recognition. */
@Entity('nominee_awards')
export class NomineeAwardEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'nominee_id', type: 'varchar', length: 36 })
  nomineeId: string;

  /** The catalog code (e.g. `chien-si-thi-dua-co-so`), or the code an office gave a form outside the catalog. */
  @Column({ name: 'form_code', type: 'varchar', length: 64 })
  formCode: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** The year whose achievements it recognises (năm thành tích). */
  @Column({ type: 'integer' })
  year: number;

  @Column({ name: 'decision_number', type: 'varchar', length: 64 })
  decisionNumber: string;

  @Column({ name: 'decision_date', type: 'varchar', length: 10 })
  decisionDate: string;

  @Column({ name: 'granting_authority', type: 'varchar', length: 255 })
  grantingAuthority: string;

  @Column({ type: 'varchar', length: 16 })
  source: AwardSource;

  /** The nomination that granted it, for an award granted in the system. */
  @Column({ name: 'nomination_id', type: 'varchar', length: 36, nullable: true })
  nominationId: string | null;

  @Column({ name: 'revoked_on', type: 'varchar', length: 10, nullable: true })
  revokedOn: string | null;

  @Column({ name: 'revocation_number', type: 'varchar', length: 64, nullable: true })
  revocationNumber: string | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36, nullable: true })
  recordedBy: string | null;

  @Column({ name: 'recorded_at', type: 'varchar', length: 32 })
  recordedAt: string;
}
