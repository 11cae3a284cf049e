import { DecisionExchangeService } from './decision-exchange.service';
import { DossierExportService } from './dossier-export.service';
import { DossierImportService } from './dossier-import.service';

export { ExchangeController } from './exchange.controller';
export { DecisionExchangeService, DossierExportService, DossierImportService };

export const EXCHANGE_PROVIDERS = [DossierExportService, DossierImportService, DecisionExchangeService];
