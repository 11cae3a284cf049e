import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findDataDirectory } from '../../workflows';

/** The shortest JWT_SECRET and administrator password a production start accepts. */
export const MIN_JWT_SECRET_LENGTH = 32;
export const MIN_PRODUCTION_PASSWORD_LENGTH = 12;

/** Every password of the demo users (data/demo/binh-lu.json): published in the README, so never valid in production. */
export function demoPasswords(file = join(findDataDirectory(), 'demo', 'binh-lu.json')): string[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { users?: Array<{ password?: unknown }> };
  return [...new Set((data.users ?? []).map((user) => user.password).filter((password): password is string => typeof password === 'string'))];
}

/** Why a JWT signing key is too weak to sign a production deployment's tokens, or null. */
export function jwtSecretWeakness(secret: string | undefined): string | null {
  if (!secret) return 'JWT_SECRET là bắt buộc khi NODE_ENV=production (mọi phiên bản dịch vụ phải dùng cùng một khóa bí mật)';
  if (secret.length < MIN_JWT_SECRET_LENGTH) return `JWT_SECRET phải có ít nhất ${MIN_JWT_SECRET_LENGTH} ký tự khi NODE_ENV=production`;
  // A long run of a few characters ("aaaa…", "abcabc…") is as guessable as a short one.
  if (new Set(secret).size < 10) return 'JWT_SECRET quá dễ đoán: cần ít nhất 10 ký tự khác nhau (ví dụ: openssl rand -hex 32)';
  if (demoPasswords().some((password) => secret.includes(password))) return 'JWT_SECRET không được chứa mật khẩu của dữ liệu mẫu';
  return null;
}

/** Why an administrator password is refused in production, or null. */
export function productionPasswordWeakness(name: string, password: string): string | null {
  if (demoPasswords().includes(password)) return `${name} đang là mật khẩu của dữ liệu mẫu (data/demo), không được dùng khi NODE_ENV=production`;
  if (password.length < MIN_PRODUCTION_PASSWORD_LENGTH) return `${name} phải có ít nhất ${MIN_PRODUCTION_PASSWORD_LENGTH} ký tự khi NODE_ENV=production`;
  return null;
}
