import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { machineDefinitionOf, type MachineDefinition } from '../../workflows';
import { WriteSerializer } from '../database/write-serializer';
import { MachineDefinitionEntity } from './machine-definition.entity';
import { WorkflowCatalog } from './workflow-catalog.service';

/**
 * Keeps every machine version's definition in `machine_definitions`: at start, each machine of today's catalog is
 * recorded if it is new, then every kept definition is handed to the catalog, so a nomination saved on an earlier
 * version (before a rule set file, the builder's output or EXTERNAL_LEVELS changed) restores on its own machine.
 */
@Injectable()
export class MachineArchive implements OnApplicationBootstrap {
  private readonly logger = new Logger('MachineArchive');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly catalog: WorkflowCatalog,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.recordCurrent();
    await this.load();
  }

  /** Inserts today's definitions that are not kept yet (another instance may insert the same ones meanwhile). */
  async recordCurrent(): Promise<void> {
    const current = this.catalog.currentWorkflows().map(({ ruleSetId, workflow }) => machineDefinitionOf(ruleSetId, workflow));
    const kept = new Set((await this.dataSource.getRepository(MachineDefinitionEntity).find({ select: { ruleSetId: true, formCode: true, version: true } })).map(keyOf));
    const missing = current.filter((definition) => !kept.has(keyOf(definition)));
    if (!missing.length) return;
    const now = new Date().toISOString();
    await this.writes.transaction(async (manager: EntityManager) => {
      for (const definition of missing) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(MachineDefinitionEntity)
          .values({
            ruleSetId: definition.ruleSetId,
            formCode: definition.formCode,
            version: definition.version,
            builderVersion: definition.builderVersion,
            definition: { form: definition.form, options: definition.options },
            recordedAt: now,
          } as QueryDeepPartialEntity<MachineDefinitionEntity>)
          .orIgnore()
          .execute();
      }
    });
    this.logger.log(`Đã lưu ${missing.length} phiên bản quy trình mới`);
  }

  /** Hands every kept definition to the catalog. */
  async load(): Promise<void> {
    const rows = await this.dataSource.getRepository(MachineDefinitionEntity).find();
    this.catalog.adoptDefinitions(rows.map(definitionOf));
  }
}

const keyOf = (row: Pick<MachineDefinition, 'ruleSetId' | 'formCode' | 'version'>) => `${row.ruleSetId}/${row.formCode}/${row.version}`;

function definitionOf(row: MachineDefinitionEntity): MachineDefinition {
  return {
    ruleSetId: row.ruleSetId,
    formCode: row.formCode,
    version: row.version,
    builderVersion: row.builderVersion,
    form: row.definition.form as MachineDefinition['form'],
    options: row.definition.options as MachineDefinition['options'],
  };
}
