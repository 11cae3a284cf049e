/** This deployment as the packages it exchanges name it. */
export interface ExchangeConfig {
  deployment: { id: string; name: string };
  /** The largest package accepted, as uploaded and as its files add up once unpacked. */
  packageMaxBytes: number;
}

export const DEFAULT_DEPLOYMENT_ID = 'tdkt-local';
export const DEFAULT_DEPLOYMENT_NAME = 'Hệ thống quản lý thi đua, khen thưởng';
export const DEFAULT_EXCHANGE_PACKAGE_MAX_BYTES = 200 * 1024 * 1024;

const DEPLOYMENT_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

export function loadExchangeConfig(env: NodeJS.ProcessEnv, fail: (message: string) => Error): ExchangeConfig {
  const id = env.DEPLOYMENT_ID?.trim() || DEFAULT_DEPLOYMENT_ID;
  if (!DEPLOYMENT_ID.test(id) || id.length > 64) {
    throw fail(`DEPLOYMENT_ID chỉ gồm chữ thường không dấu, số, dấu chấm và gạch ngang, tối đa 64 ký tự (đang là "${id}")`);
  }
  const name = (env.DEPLOYMENT_NAME?.trim() || DEFAULT_DEPLOYMENT_NAME).normalize('NFC');
  if (name.length > 255) throw fail('DEPLOYMENT_NAME dài quá 255 ký tự');
  const raw = env.EXCHANGE_PACKAGE_MAX_BYTES;
  const packageMaxBytes = raw === undefined || raw === '' ? DEFAULT_EXCHANGE_PACKAGE_MAX_BYTES : Number(raw);
  if (!Number.isInteger(packageMaxBytes) || packageMaxBytes < 1 || packageMaxBytes > 2 * 1024 * 1024 * 1024) {
    throw fail(`EXCHANGE_PACKAGE_MAX_BYTES phải là số nguyên từ 1 đến 2147483648 (đang là "${raw}")`);
  }
  return { deployment: { id, name }, packageMaxBytes };
}
