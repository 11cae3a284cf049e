import type { Level, NomineeKind } from '../catalog/types';

/**
 * The exchange between deployments: a dossier leaves one deployment as a ZIP (`manifest.json`, `manifest.sha256`,
 * `documents/…`) and comes back answered by a decision package of the same layout.
 */
export const DOSSIER_PACKAGE_FORMAT = 'tdkt-dossier-package';
export const DECISION_PACKAGE_FORMAT = 'tdkt-decision-package';
/** Bump when the manifest's meaning changes; a receiver refuses a version it does not know. */
export const EXCHANGE_FORMAT_VERSION = 1;
export const SUPPORTED_FORMAT_VERSIONS: readonly number[] = [1];

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_HASH_FILE = 'manifest.sha256';

export interface ExchangeDeployment {
  id: string;
  name: string;
}

export interface ExchangeActor {
  userId: string;
  username: string;
}

/** Every file of the package other than the manifest and its hash. */
export interface ManifestFile {
  path: string;
  sha256: string;
  sizeBytes: number;
}

/** One version of one dossier document, and where its bytes are in the package. */
export interface ManifestDocument {
  id: string;
  code: string;
  name: string;
  level: Level;
  version: number;
  current: boolean;
  fileName: string;
  fileType: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  path: string;
  uploadedAt: string;
  uploadedBy: ExchangeActor;
}

/** One accepted step of the sending deployment's log, as its history API shows it. */
export interface ManifestHistoryEntry {
  seq: number;
  type: string;
  actor: ExchangeActor;
  at: string;
  fromState: string | null;
  toState: string;
  payload: Record<string, unknown>;
}

export interface ManifestRouteLevel {
  level: Level;
  /** Null for a level the sending deployment does not run. */
  organizationId: string | null;
  organizationName: string | null;
  external: boolean;
  signer: string | null;
}

export interface DossierManifest {
  format: typeof DOSSIER_PACKAGE_FORMAT;
  formatVersion: number;
  createdAt: string;
  createdBy: ExchangeActor;
  deployment: ExchangeDeployment;
  nomination: {
    id: string;
    formCode: string;
    formName: string;
    ruleSetId: string;
    state: string;
    entryLevel: Level;
    /** The level the dossier is sent to: the one it waits at for an external decision. */
    targetLevel: Level;
    nominee: Record<string, unknown> & { kind: NomineeKind };
    nomineeName: string;
    criterion: string | null;
    awardYear: number | null;
    achievements: string | null;
    campaignId: string | null;
    proposer: { id: string; name: string | null };
    route: ManifestRouteLevel[];
    submittedAt: string | null;
  };
  history: ManifestHistoryEntry[];
  documents: ManifestDocument[];
  files: ManifestFile[];
}

/** What the deciding level did: granted with its Quyết định, or refused with its reply. */
export interface ExchangeOutcome {
  granted: boolean;
  number: string;
  date: string;
  authority: string;
  reason: string | null;
}

export interface DecisionManifest {
  format: typeof DECISION_PACKAGE_FORMAT;
  formatVersion: number;
  createdAt: string;
  createdBy: ExchangeActor;
  deployment: ExchangeDeployment;
  /** The dossier package this decision answers. */
  answers: { manifestSha256: string; deployment: ExchangeDeployment; nominationId: string };
  nomination: { id: string; formCode: string; level: Level; state: string };
  outcome: ExchangeOutcome;
  documents: ManifestDocument[];
  files: ManifestFile[];
}

export type ExchangeManifest = DossierManifest | DecisionManifest;

/** `documents/central/confirmation_tax-v2.pdf`: ASCII, no folder a client chose, unique per code, level and version. */
export function documentPath(document: Pick<ManifestDocument, 'code' | 'level' | 'version'>, extension: string): string {
  const code = document.code.replace(/[^a-z0-9-]/gi, '_');
  return `documents/${document.level}/${code}-v${document.version}.${extension}`;
}
