import { CastBallotUseCase } from './cast-ballot.use-case';
import { CloseCouncilSessionUseCase } from './close-council-session.use-case';
import { CouncilAgendaCheck } from './council-agenda.check';
import { CouncilMinutesService } from './council-minutes.service';
import { CouncilSessionsService } from './council-sessions.service';
import { CouncilsService } from './councils.service';
import { EmulationBlocksService } from './emulation-blocks.service';

export { CouncilsController } from './councils.controller';
export { CouncilSessionsController } from './council-sessions.controller';
export { EmulationBlocksController } from './emulation-blocks.controller';
export { CastBallotUseCase, CloseCouncilSessionUseCase, CouncilAgendaCheck, CouncilMinutesService, CouncilSessionsService, CouncilsService, EmulationBlocksService };

export const COUNCIL_PROVIDERS = [
  CouncilsService,
  CouncilSessionsService,
  CastBallotUseCase,
  CloseCouncilSessionUseCase,
  CouncilMinutesService,
  EmulationBlocksService,
  CouncilAgendaCheck,
];
