import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from './principal';
import { UserRoleEntity } from './user-role.entity';
import { UserEntity } from './user.entity';

@Injectable()
export class PrincipalLoader {
  constructor(private readonly dataSource: DataSource) {}

  async load(userId: string): Promise<Principal | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId, active: true });
    if (!user) return null;
    const roles = await this.dataSource.getRepository(UserRoleEntity).findBy({ userId });
    return {
      userId: user.id,
      username: user.username,
      fullName: user.fullName,
      organizationId: user.organizationId,
      isAdmin: user.isAdmin,
      roles: roles.map(({ organizationId, role }) => ({ organizationId, role })),
    };
  }
}
