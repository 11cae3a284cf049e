import { forbidden } from '../common/app-error';
import type { Principal } from './principal';

export function requireAdmin(principal: Principal): void {
  if (!principal.isAdmin) throw forbidden('Chỉ quản trị hệ thống được thực hiện thao tác này', { requiredRole: 'admin' });
}
