import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { unauthenticated } from '../common/app-error';
import { PasswordHasher } from './password-hasher';
import { roleNames } from './principal';
import { PrincipalLoader } from './principal-loader';
import { UserEntity } from './user.entity';

// A fixed hash to compare against when the user does not exist, so timing does not reveal valid usernames.
const NO_SUCH_USER_HASH = '$2b$10$FAYSsUvtY7sh/IVEmbSbfeapUl8aVnIbur5qSpe9d0mNd06PcgSvK';

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly principals: PrincipalLoader,
  ) {}

  async login(username: string, password: string) {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username, active: true });
    const matches = await this.hasher.matches(password, user?.passwordHash ?? NO_SUCH_USER_HASH);
    if (!user || !matches) throw unauthenticated('Tên đăng nhập hoặc mật khẩu không đúng');
    const principal = (await this.principals.load(user.id))!;
    return {
      accessToken: await this.jwt.signAsync({ sub: user.id, username: user.username }),
      user: {
        id: principal.userId,
        username: principal.username,
        fullName: principal.fullName,
        organizationId: principal.organizationId,
        roles: roleNames(principal),
        roleAssignments: principal.roles,
      },
    };
  }
}
