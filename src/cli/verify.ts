import 'reflect-metadata';
import { loadAppConfig } from '../config/app-config';
import { formatIntegrityReport } from '../integrity/integrity-verifier';
import { verifyDatabase } from '../integrity/verify-database';

/**
 * `npm run verify`: checks DATABASE_URL and DOCUMENTS_DIR (replay of every log through its machine version against
 * the stored snapshot, the audit chain, every document's size and SHA-256) and prints each problem found. Exits 1 if
 * there is any, 0 if none, 2 if it could not check. Reads only: it neither migrates nor records anything.
 */
async function main(): Promise<number> {
  const report = await verifyDatabase(loadAppConfig());
  console.log(formatIntegrityReport(report));
  return report.problems.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`Không kiểm tra được: ${error.message}`);
    process.exit(2);
  },
);
