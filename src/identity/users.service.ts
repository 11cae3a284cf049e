import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Role } from '../../workflows';
import { badInput, conflict, notFound } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { productionPasswordWeakness } from '../config/production-secrets';
import { LoginThrottle } from './login-throttle';
import { WriteSerializer } from '../database/write-serializer';
import { OrganizationEntity } from '../organizations/organization.entity';
import type { CreateUserDto } from './dto';
import { PasswordHasher } from './password-hasher';
import { UserRoleEntity } from './user-role.entity';
import { UserEntity } from './user.entity';

export interface UserView {
  id: string;
  username: string;
  fullName: string;
  organizationId: string | null;
  roles: string[];
  active: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteSerializer,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(dto: CreateUserDto): Promise<UserView> {
    const workflowRoles = dto.roles.filter((role): role is Exclude<Role, 'admin'> => role !== 'admin');
    if (workflowRoles.length && !dto.organizationId) {
      throw badInput('Người dùng có vai trò nghiệp vụ phải thuộc một tổ chức', { fields: [{ field: 'organizationId', problems: ['bắt buộc phải có'] }] });
    }
    const weakness = this.config.production ? productionPasswordWeakness('password', dto.password) : null;
    if (weakness) throw badInput('Mật khẩu không được chấp nhận khi chạy chính thức', { fields: [{ field: 'password', problems: [weakness] }] });
    const passwordHash = await this.hasher.hash(dto.password);
    return this.writes.transaction(async (manager) => {
      if (dto.organizationId && !(await manager.existsBy(OrganizationEntity, { id: dto.organizationId }))) {
        throw notFound(`Không tìm thấy tổ chức ${dto.organizationId}`, { field: 'organizationId' });
      }
      if (await manager.existsBy(UserEntity, { username: dto.username })) {
        throw conflict('USERNAME_TAKEN', `Tên đăng nhập "${dto.username}" đã được sử dụng`, { field: 'username' });
      }
      const user = manager.create(UserEntity, {
        id: randomUUID(),
        username: dto.username,
        passwordHash,
        fullName: dto.fullName.normalize('NFC'),
        organizationId: dto.organizationId ?? null,
        isAdmin: dto.roles.includes('admin'),
        active: true,
        createdAt: new Date().toISOString(),
      });
      await manager.insert(UserEntity, user);
      const roles = [...new Set(workflowRoles)].map((role) => ({ userId: user.id, organizationId: dto.organizationId!, role }));
      if (roles.length) await manager.insert(UserRoleEntity, roles);
      return toView(user, roles);
    });
  }

  async list(): Promise<UserView[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } });
    const roles = await this.dataSource.getRepository(UserRoleEntity).find();
    return users.map((user) => toView(user, roles.filter((role) => role.userId === user.id)));
  }

  /** Lifts the login lockout of a user (LoginThrottle): the run of failed logins starts again from zero. */
  async unlock(id: string): Promise<UserView & { hadFailures: boolean }> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw notFound('Không tìm thấy người dùng');
    const hadFailures = await this.throttle.unlock(user.username);
    const roles = await this.dataSource.getRepository(UserRoleEntity).findBy({ userId: id });
    return { ...toView(user, roles), hadFailures };
  }

  /** Creates the administrator named by ADMIN_USERNAME, or resets its password, so a deployment needs no demo data. */
  async ensureAdministrator(username: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.writes.transaction(async (manager) => {
      const existing = await manager.findOneBy(UserEntity, { username });
      if (existing) {
        await manager.update(UserEntity, { id: existing.id }, { passwordHash, isAdmin: true, active: true });
        return;
      }
      await manager.insert(UserEntity, {
        id: randomUUID(),
        username,
        passwordHash,
        fullName: 'Quản trị hệ thống',
        organizationId: null,
        isAdmin: true,
        active: true,
        createdAt: new Date().toISOString(),
      });
    });
  }
}

function toView(user: UserEntity, roles: Array<{ role: string }>): UserView {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    organizationId: user.organizationId,
    roles: [...roles.map((r) => r.role), ...(user.isAdmin ? ['admin'] : [])],
    active: user.active,
  };
}
