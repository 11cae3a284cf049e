import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { unauthenticated } from '../common/app-error';
import { IS_PUBLIC } from './auth.decorators';
import { PrincipalLoader } from './principal-loader';

/** Every route needs a valid bearer token unless marked @Public(); roles are read fresh for each request. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly principals: PrincipalLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw unauthenticated();
    let userId: string;
    try {
      userId = (await this.jwt.verifyAsync<{ sub: string }>(token)).sub;
    } catch {
      throw unauthenticated('Phiên đăng nhập không hợp lệ hoặc đã hết hạn; vui lòng đăng nhập lại');
    }
    const principal = await this.principals.load(userId);
    if (!principal) throw unauthenticated('Tài khoản không còn hoạt động');
    request.principal = principal;
    return true;
  }
}
