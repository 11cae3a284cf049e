import { CouncilEntity, CouncilMemberEntity } from './council.entity';
import {
  CouncilBallotTallyEntity,
  CouncilRecusalEntity,
  CouncilSessionEntity,
  CouncilSessionItemEntity,
  CouncilSessionMemberEntity,
  CouncilVoteCastEntity,
} from './council-session.entity';
import { EmulationBlockEntity, EmulationBlockLeadEntity, EmulationBlockMemberEntity } from './emulation-block.entity';

/** Every table of the councils feature (migration 1763900005000-council-sessions). */
export const COUNCIL_ENTITIES = [
  CouncilEntity,
  CouncilMemberEntity,
  EmulationBlockEntity,
  EmulationBlockMemberEntity,
  EmulationBlockLeadEntity,
  CouncilSessionEntity,
  CouncilSessionMemberEntity,
  CouncilSessionItemEntity,
  CouncilRecusalEntity,
  CouncilVoteCastEntity,
  CouncilBallotTallyEntity,
];
