import { EligibilityStepCheck } from './eligibility.step-check';
import { NomineeHistoryReader } from './nominee-history.reader';
import { NomineeHistoryStepListener } from './nominee-history.step-listener';
import { NomineeRegistry } from './nominee-registry';
import { NomineeScope } from './nominee-scope';
import { NomineesService } from './nominees.service';

export { NomineesController } from './nominees.controller';
export { EligibilityStepCheck, NomineeHistoryReader, NomineeHistoryStepListener, NomineeRegistry, NomineeScope, NomineesService };

export const NOMINEE_PROVIDERS = [NomineeScope, NomineeRegistry, NomineeHistoryReader, NomineesService, EligibilityStepCheck, NomineeHistoryStepListener];
