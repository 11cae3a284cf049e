import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A decision or submission number, unique at its organization for the year (the primary key enforces it). */
@Entity('document_numbers')
export class DocumentNumberEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  number: string;

  @Column({ name: 'nomination_id', type: 'varchar', length: 36 })
  nominationId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  /** A number a batch decision shares (src/decisions): every signature of that decision may carry it. */
  @Column({ name: 'decision_id', type: 'varchar', length: 36, nullable: true })
  decisionId: string | null;
}
