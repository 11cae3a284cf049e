import { DecisionsService } from './decisions.service';
import { SignDecisionUseCase } from './sign-decision.use-case';

export { DecisionsController } from './decisions.controller';
export { DECISION_ENTITIES } from './decision.entity';
export { DecisionsService, SignDecisionUseCase };

export const DECISION_PROVIDERS = [DecisionsService, SignDecisionUseCase];
