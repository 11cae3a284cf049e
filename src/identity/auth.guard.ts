import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '../../workflows';
import { forbidden, unauthenticated } from '../common/app-error';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { PrincipalLoader } from './principal-loader';

const ROLE_LABELS: Record<Role, string> = {
  submitter: 'cán bộ đề nghị khen thưởng',
  appraiser: 'cán bộ thẩm định thi đua, khen thưởng',
  'council-member': 'thành viên Hội đồng Thi đua – Khen thưởng',
  'council-secretary': 'thư ký Hội đồng Thi đua – Khen thưởng',
  signer: 'người ký quyết định',
  admin: 'quản trị hệ thống',
};

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
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (required?.length && !required.some((role) => (role === 'admin' ? principal.isAdmin : principal.roles.some((held) => held.role === role)))) {
      throw forbidden(`Chỉ ${required.map((role) => ROLE_LABELS[role]).join(' hoặc ')} được thực hiện thao tác này`, {
        requiredRole: required.length === 1 ? required[0] : required,
      });
    }
    return true;
  }
}
