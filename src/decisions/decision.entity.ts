import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Level, NomineeKind } from '../../workflows';
import type { DecisionDocument, DecisionKind } from '../../workflows/decisions';

/**
 * One signed document covering many nominations: the Quyết định that grants their award at the route's last internal
 * level, or the Tờ trình that forwards them to the next. Its number is unique at the organization for the year (as
 * every number of `document_numbers`, where the batch's first signature reserves it for the decision).
 */
@Entity('decisions')
export class DecisionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'organization_id', type: 'varchar', length: 36 })
  organizationId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: DecisionKind;

  @Column({ name: 'form_code', type: 'varchar', length: 64 })
  formCode: string;

  @Column({ name: 'rule_set_id', type: 'varchar', length: 64 })
  ruleSetId: string;

  /** The level of the route that signs it. */
  @Column({ type: 'varchar', length: 20 })
  level: Level;

  @Column({ type: 'varchar', length: 100 })
  number: string;

  @Column({ type: 'integer' })
  year: number;

  /** YYYY-MM-DD, the day it is signed. */
  @Column({ type: 'varchar', length: 10 })
  date: string;

  /** Trích yếu: "Về việc tặng Giấy khen cho các tập thể, cá nhân". */
  @Column({ type: 'varchar', length: 500 })
  title: string;

  /** Who grants (a decision: "Chủ tịch Ủy ban nhân dân xã Bình Lư") or who is asked to (a Tờ trình). */
  @Column({ name: 'granting_authority', type: 'varchar', length: 255 })
  grantingAuthority: string;

  /** A Tờ trình's addressee: the organization running the next level. */
  @Column({ name: 'addressed_organization_id', type: 'varchar', length: 36, nullable: true })
  addressedOrganizationId: string | null;

  @Column({ name: 'signer_user_id', type: 'varchar', length: 36 })
  signerUserId: string;

  @Column({ name: 'signer_name', type: 'varchar', length: 255 })
  signerName: string;

  @Column({ name: 'signed_as_deputy', type: 'boolean', default: false })
  signedAsDeputy: boolean;

  /** The document's text as signed (quốc hiệu, body, annex, certificates): later edits of a dossier never rewrite it. */
  @Column({ type: 'simple-json' })
  document: DecisionDocument;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;
}

/** A nomination a decision covers, in the order the signer listed it. */
@Entity('decision_items')
export class DecisionItemEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'varchar', length: 36 })
  decisionId: string;

  @PrimaryColumn({ name: 'nomination_id', type: 'varchar', length: 36 })
  nominationId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ name: 'nominee_kind', type: 'varchar', length: 20 })
  nomineeKind: NomineeKind;

  @Column({ name: 'nominee_name', type: 'varchar', length: 255 })
  nomineeName: string;

  @Column({ name: 'proposing_organization_id', type: 'varchar', length: 36 })
  proposingOrganizationId: string;

  /** The Tờ trình attached to the nomination's dossier as its `submission` to the next level (a Tờ trình only). */
  @Column({ name: 'document_id', type: 'varchar', length: 36, nullable: true })
  documentId: string | null;
}

/** The tables of the decisions feature (migration 1763900007000-decisions). */
export const DECISION_ENTITIES = [DecisionEntity, DecisionItemEntity];
