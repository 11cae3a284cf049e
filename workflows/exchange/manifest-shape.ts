import { LEVELS } from '../catalog/types';
import { DOSSIER_PACKAGE_FORMAT, type DECISION_PACKAGE_FORMAT } from './package-format';

type Json = Record<string, unknown>;

const NOMINEE_KINDS = ['individual', 'collective', 'household'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SHA256 = /^[0-9a-f]{64}$/;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A filled string that fits its column here (the lengths of the tables an import writes to). */
const isText = (value: unknown, max = 255): value is string => typeof value === 'string' && value.trim().length > 0 && value.length <= max;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isId = (value: unknown) => typeof value === 'string' && UUID.test(value);
const isLevel = (value: unknown) => LEVELS.includes(value as never);
const isOptionalText = (value: unknown, max = 100_000) => value === null || (typeof value === 'string' && value.length <= max);

/** The first field that does not hold what its name says, as `path problem`; null when every field does. */
function firstProblem(checks: Array<[boolean, string]>): string | null {
  return checks.find(([ok]) => !ok)?.[1] ?? null;
}

function actorProblem(value: unknown, path: string): string | null {
  return isObject(value) && isText(value.userId, 36) && isText(value.username, 64) ? null : `${path} phải có userId và username`;
}

function deploymentProblem(value: unknown, path: string): string | null {
  return isObject(value) && isText(value.id, 64) && isText(value.name) ? null : `${path} phải có id (tối đa 64 ký tự) và name của hệ thống`;
}

function documentsProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return 'documents phải là một danh sách';
  for (const [index, document] of value.entries()) {
    const path = `documents[${index}]`;
    if (!isObject(document)) return `${path} phải là một đối tượng`;
    const problem = firstProblem([
      [isText(document.id, 36), `${path}.id bắt buộc`],
      [isText(document.code, 64), `${path}.code bắt buộc`],
      [isLevel(document.level), `${path}.level không phải một cấp`],
      [Number.isInteger(document.version) && (document.version as number) >= 1, `${path}.version phải là số nguyên dương`],
      [typeof document.current === 'boolean', `${path}.current phải là true hoặc false`],
      [isText(document.fileName), `${path}.fileName bắt buộc`],
      [isText(document.fileType, 10), `${path}.fileType bắt buộc`],
      [isText(document.contentType, 100), `${path}.contentType bắt buộc`],
      [Number.isInteger(document.sizeBytes), `${path}.sizeBytes phải là số byte`],
      [typeof document.sha256 === 'string' && SHA256.test(document.sha256), `${path}.sha256 không phải SHA-256 dạng hex`],
      [isText(document.path), `${path}.path bắt buộc`],
      [isText(document.uploadedAt), `${path}.uploadedAt bắt buộc`],
    ]);
    if (problem) return problem;
    const uploader = actorProblem(document.uploadedBy, `${path}.uploadedBy`);
    if (uploader) return uploader;
  }
  const places = value.map((document: Json) => `${String(document.code)}@${String(document.level)}#${String(document.version)}`);
  return new Set(places).size === places.length ? null : 'documents có hai tài liệu cùng loại, cùng cấp, cùng phiên bản';
}

function historyProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return 'history phải là một danh sách';
  for (const [index, entry] of value.entries()) {
    const path = `history[${index}]`;
    if (!isObject(entry)) return `${path} phải là một đối tượng`;
    const problem =
      firstProblem([
        [Number.isInteger(entry.seq), `${path}.seq phải là số nguyên`],
        [isText(entry.type, 40), `${path}.type bắt buộc`],
        [isText(entry.at), `${path}.at bắt buộc`],
        [isOptionalText(entry.fromState), `${path}.fromState phải là chuỗi hoặc null`],
        [isText(entry.toState), `${path}.toState bắt buộc`],
        [isObject(entry.payload), `${path}.payload phải là một đối tượng`],
      ]) ?? actorProblem(entry.actor, `${path}.actor`);
    if (problem) return problem;
  }
  return null;
}

function dossierProblem(manifest: Json): string | null {
  const nomination = manifest.nomination;
  if (!isObject(nomination)) return 'thiếu thông tin hồ sơ (nomination)';
  const problem = firstProblem([
    [isId(nomination.id), 'nomination.id phải là mã định danh (UUID)'],
    [isText(nomination.formCode, 64), 'nomination.formCode bắt buộc'],
    [isText(nomination.ruleSetId, 64), 'nomination.ruleSetId bắt buộc'],
    [isText(nomination.state), 'nomination.state bắt buộc'],
    [isLevel(nomination.entryLevel), 'nomination.entryLevel không phải một cấp'],
    [isLevel(nomination.targetLevel), 'nomination.targetLevel không phải một cấp'],
    [
      isObject(nomination.nominee) &&
        NOMINEE_KINDS.includes(nomination.nominee.kind as string) &&
        Object.values(nomination.nominee).every((value) => typeof value === 'string' && value.length <= 1000),
      'nomination.nominee phải có kind hợp lệ và các trường là chuỗi',
    ],
    [isText(nomination.nomineeName), 'nomination.nomineeName bắt buộc'],
    [isOptionalText(nomination.criterion, 64), 'nomination.criterion phải là chuỗi (tối đa 64 ký tự) hoặc null'],
    [nomination.awardYear === null || (Number.isInteger(nomination.awardYear) && (nomination.awardYear as number) >= 1900 && (nomination.awardYear as number) <= 2199), 'nomination.awardYear phải là năm hoặc null'],
    [isOptionalText(nomination.achievements), 'nomination.achievements phải là chuỗi hoặc null'],
    [isObject(nomination.proposer) && isText(nomination.proposer.id, 36) && isOptionalText(nomination.proposer.name, 255), 'nomination.proposer phải có id và tên (tối đa 255 ký tự)'],
    [
      Array.isArray(nomination.route) && nomination.route.length > 0 && nomination.route.every((entry) => isObject(entry) && isLevel(entry.level)),
      'nomination.route phải là danh sách các cấp',
    ],
  ]);
  if (problem) return problem;
  const route = (nomination.route as Json[]).map((entry) => entry.level);
  if (route[0] !== nomination.entryLevel || !route.includes(nomination.targetLevel)) {
    return 'nomination.route phải bắt đầu từ entryLevel và có targetLevel';
  }
  return historyProblem(manifest.history) ?? documentsProblem(manifest.documents);
}

function decisionProblem(manifest: Json): string | null {
  const { answers, nomination, outcome } = manifest;
  if (!isObject(answers)) return 'thiếu thông tin gói hồ sơ được trả lời (answers)';
  if (!isObject(nomination)) return 'thiếu thông tin hồ sơ (nomination)';
  if (!isObject(outcome)) return 'thiếu kết quả (outcome)';
  return (
    firstProblem([
      [typeof answers.manifestSha256 === 'string' && SHA256.test(answers.manifestSha256), 'answers.manifestSha256 không phải SHA-256 dạng hex'],
      [isId(answers.nominationId), 'answers.nominationId phải là mã định danh (UUID)'],
      [isText(nomination.id, 36), 'nomination.id bắt buộc'],
      [isText(nomination.formCode, 64), 'nomination.formCode bắt buộc'],
      [isLevel(nomination.level), 'nomination.level không phải một cấp'],
      [isText(nomination.state), 'nomination.state bắt buộc'],
      [typeof outcome.granted === 'boolean', 'outcome.granted phải là true hoặc false'],
      [isText(outcome.number), 'outcome.number bắt buộc'],
      [typeof outcome.date === 'string' && ISO_DATE.test(outcome.date), 'outcome.date phải là ngày dạng YYYY-MM-DD'],
      [isText(outcome.authority), 'outcome.authority bắt buộc'],
      [outcome.granted === true ? outcome.reason === null : isText(outcome.reason), 'outcome.reason bắt buộc khi không khen thưởng (và null khi khen thưởng)'],
    ]) ??
    deploymentProblem(answers.deployment, 'answers.deployment') ??
    documentsProblem(manifest.documents)
  );
}

/** The manifest's fields as the format defines them, beyond its files (checked by `verifyPackage`). */
export function validateManifestShape(manifest: Json, format: typeof DOSSIER_PACKAGE_FORMAT | typeof DECISION_PACKAGE_FORMAT): string | null {
  const common =
    firstProblem([
      [isText(manifest.createdAt), 'createdAt bắt buộc'],
    ]) ??
    actorProblem(manifest.createdBy, 'createdBy') ??
    deploymentProblem(manifest.deployment, 'deployment');
  if (common) return common;
  return format === DOSSIER_PACKAGE_FORMAT ? dossierProblem(manifest) : decisionProblem(manifest);
}
