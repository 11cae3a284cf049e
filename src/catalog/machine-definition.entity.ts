import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A machine version and the catalog entry it was built from (workflows/integrity/machine-versions.ts). */
@Entity('machine_definitions')
export class MachineDefinitionEntity {
  @PrimaryColumn({ name: 'rule_set_id', type: 'varchar', length: 64 })
  ruleSetId: string;

  @PrimaryColumn({ name: 'form_code', type: 'varchar', length: 64 })
  formCode: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  version: string;

  @Column({ name: 'builder_version', type: 'integer' })
  builderVersion: number;

  /** `{form, options}` as JSON. */
  @Column({ type: 'simple-json' })
  definition: { form: unknown; options: unknown };

  @Column({ name: 'recorded_at', type: 'varchar', length: 32 })
  recordedAt: string;
}
