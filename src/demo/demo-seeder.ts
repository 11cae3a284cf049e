import type { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { findDataDirectory, type Role } from '../../workflows';
import { PrincipalLoader } from '../identity/principal-loader';
import { UserEntity } from '../identity/user.entity';
import { UsersService } from '../identity/users.service';
import { AdvanceNominationUseCase } from '../nominations/advance-nomination.use-case';
import type { CreateNominationDto } from '../nominations/dto/create-nomination.dto';
import { parseEventCommand } from '../nominations/dto/nomination-event.dto';
import { NominationsService } from '../nominations/nominations.service';
import { OrganizationEntity, type OrganizationKind } from '../organizations/organization.entity';
import { OrganizationsService } from '../organizations/organizations.service';

interface DemoData {
  organizations: Array<{ key: string; name: string; kind: OrganizationKind; parent?: string; code?: string; appraisalOfficeName?: string }>;
  users: Array<{ username: string; password: string; fullName: string; organization: string | null; roles: Role[] }>;
  nominations: Array<CreateNominationDto & { by: string; steps: Array<{ as: string; event: Record<string, unknown> }> }>;
}

export function readDemoData(file = join(findDataDirectory(), 'demo', 'binh-lu.json')): DemoData {
  return JSON.parse(readFileSync(file, 'utf8')) as DemoData;
}

/**
 * Seeds data/demo through the same services the API uses, so every demo nomination has a real event log and
 * snapshot. Runs once: a database that already has organizations is left alone.
 */
export class DemoSeeder {
  constructor(private readonly app: INestApplicationContext) {}

  async seed(data = readDemoData()): Promise<string> {
    const dataSource = this.app.get(DataSource);
    if ((await dataSource.getRepository(OrganizationEntity).count()) > 0) {
      return 'Cơ sở dữ liệu đã có tổ chức: bỏ qua dữ liệu mẫu';
    }
    const organizations = this.app.get(OrganizationsService);
    const users = this.app.get(UsersService);
    const nominations = this.app.get(NominationsService);
    const advance = this.app.get(AdvanceNominationUseCase);
    const principals = this.app.get(PrincipalLoader);

    const organizationIds = new Map<string, string>();
    for (const organization of data.organizations) {
      const created = await organizations.create({
        name: organization.name,
        kind: organization.kind,
        parentId: organization.parent ? organizationIds.get(organization.parent) : undefined,
        code: organization.code,
        appraisalOfficeName: organization.appraisalOfficeName,
      });
      organizationIds.set(organization.key, created.id);
    }
    for (const user of data.users) {
      await users.create({
        username: user.username,
        password: user.password,
        fullName: user.fullName,
        organizationId: user.organization ? organizationIds.get(user.organization) : undefined,
        roles: user.roles,
      });
    }
    const principalOf = async (username: string) => {
      const user = await dataSource.getRepository(UserEntity).findOneByOrFail({ username });
      return (await principals.load(user.id))!;
    };
    for (const { by, steps, ...dto } of data.nominations) {
      const view = await nominations.create(await principalOf(by), dto);
      for (const step of steps) {
        await advance.execute(await principalOf(step.as), view.id, parseEventCommand(step.event), {});
      }
    }
    return `Đã nạp dữ liệu mẫu: ${data.organizations.length} tổ chức, ${data.users.length} người dùng, ${data.nominations.length} hồ sơ`;
  }
}
