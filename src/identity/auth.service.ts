import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { unauthenticated } from '../common/app-error';
import { LoginThrottle } from './login-throttle';
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
    private readonly throttle: LoginThrottle,
  ) {}

  /** `address` is the client's (request.ip): failures are counted per username and per address (LoginThrottle). */
  async login(username: string, password: string, address: string) {
    await this.throttle.refuseIfThrottled(username, address);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username, active: true });
    const matches = await this.hasher.matches(password, user?.passwordHash ?? NO_SUCH_USER_HASH);
    if (!user || !matches) {
      await this.throttle.recordFailure(username, address);
      throw unauthenticated('Tên đăng nhập hoặc mật khẩu không đúng');
    }
    await this.throttle.recordSuccess(username);
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
