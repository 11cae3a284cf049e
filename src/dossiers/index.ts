import { DocumentStorage } from './document-storage';
import { DossierCompleteCheck } from './dossier-complete.check';
import { DossierDocumentsService } from './dossier-documents.service';

export { DossierDocumentsController } from './dossier-documents.controller';
export { DocumentStorage, DossierCompleteCheck, DossierDocumentsService };

export const DOSSIER_PROVIDERS = [DocumentStorage, DossierDocumentsService, DossierCompleteCheck];
