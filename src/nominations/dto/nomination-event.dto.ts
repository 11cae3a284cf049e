import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { NOMINATION_EVENT_TYPES, type NominationEventType } from '../../../workflows';
import { badInput } from '../../common/app-error';
import { validateBody } from '../../common/validation';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = { message: 'phải là ngày dạng YYYY-MM-DD' };

class EventBody {
  @ApiProperty({ enum: NOMINATION_EVENT_TYPES })
  @IsIn(NOMINATION_EVENT_TYPES as unknown as string[])
  type: NominationEventType;
}

class NoPayload extends EventBody {}

class WithReason extends EventBody {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;
}

class WithOptionalNote extends EventBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

class WithdrawBody extends EventBody {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason?: string;
}

class SupplementRequestBody extends WithReason {
  @ApiProperty({ type: [String], description: 'Các nội dung, tài liệu cần bổ sung' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  items: string[];

  @ApiPropertyOptional({ description: 'Hạn bổ sung; mặc định theo bộ quy định (5 ngày làm việc)' })
  @IsOptional()
  @Matches(ISO_DATE, DATE_MESSAGE)
  dueDate?: string;
}

export class CouncilCountsDto {
  @ApiProperty({ description: 'Tổng số thành viên Hội đồng' })
  @IsInt()
  @Min(1)
  @Max(1000)
  members: number;

  @ApiProperty({ description: 'Số thành viên có mặt' })
  @IsInt()
  @Min(0)
  @Max(1000)
  present: number;

  @ApiProperty({ description: 'Số phiếu đồng ý' })
  @IsInt()
  @Min(0)
  @Max(1000)
  yes: number;

  @ApiProperty({ description: 'Số phiếu không đồng ý' })
  @IsInt()
  @Min(0)
  @Max(1000)
  no: number;

  @ApiProperty({ description: 'Số phiếu trắng' })
  @IsInt()
  @Min(0)
  @Max(1000)
  abstain: number;
}

class CouncilResultBody extends EventBody {
  @ApiProperty({ type: CouncilCountsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => CouncilCountsDto)
  counts: CouncilCountsDto;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ISO_DATE, DATE_MESSAGE)
  meetingDate?: string;

  @ApiPropertyOptional({ description: 'Số biên bản họp Hội đồng' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  minutesNumber?: string;
}

class SignBody extends EventBody {
  @ApiProperty({ example: '125/QĐ-UBND', description: 'Số, ký hiệu Quyết định hoặc Tờ trình' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  number: string;

  @ApiPropertyOptional({ description: 'Ngày ký; mặc định hôm nay' })
  @IsOptional()
  @Matches(ISO_DATE, DATE_MESSAGE)
  date?: string;
}

class ExternalDecisionBody extends EventBody {
  @ApiProperty({ example: '1234/QĐ-TTg' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  number: string;

  @ApiProperty()
  @Matches(ISO_DATE, DATE_MESSAGE)
  date: string;

  @ApiProperty({ example: 'Thủ tướng Chính phủ' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  authority: string;
}

class ExternalRejectionBody extends ExternalDecisionBody {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  reason: string;
}

class RevokeBody extends WithReason {
  @ApiProperty({ example: '15/QĐ-UBND' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  number: string;

  @ApiProperty()
  @Matches(ISO_DATE, DATE_MESSAGE)
  date: string;
}

const BODY_BY_TYPE: Record<NominationEventType, new () => EventBody> = {
  SUBMIT: NoPayload,
  ACCEPT: NoPayload,
  REQUEST_SUPPLEMENT: SupplementRequestBody,
  RESUBMIT: WithOptionalNote,
  APPRAISAL_PASSED: WithOptionalNote,
  APPRAISAL_REJECTED: WithReason,
  COUNCIL_APPROVED: CouncilResultBody,
  COUNCIL_REJECTED: CouncilResultBody,
  SIGN: SignBody,
  DECLINED: WithReason,
  RECORD_EXTERNAL_DECISION: ExternalDecisionBody,
  RECORD_EXTERNAL_REJECTION: ExternalRejectionBody,
  WITHDRAW: WithdrawBody,
  REVOKE: RevokeBody,
};

export type EventCommand = { type: NominationEventType } & Record<string, unknown>;

/** The body of `POST /nominations/:id/events`, validated by its type; 400 names every bad field. */
export function parseEventCommand(body: unknown): EventCommand {
  const type = (body as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !NOMINATION_EVENT_TYPES.includes(type as NominationEventType)) {
    throw badInput(`Loại sự kiện không hợp lệ; phải là một trong: ${NOMINATION_EVENT_TYPES.join(', ')}`, {
      fields: [{ field: 'type', problems: ['giá trị không hợp lệ'] }],
    });
  }
  const validated = validateBody(BODY_BY_TYPE[type as NominationEventType], body);
  return JSON.parse(JSON.stringify(validated)) as EventCommand;
}

/** For the OpenAPI document: every field any event may carry. */
export class NominationEventRequest extends EventBody {
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ type: [String] }) items?: string[];
  @ApiPropertyOptional() dueDate?: string;
  @ApiPropertyOptional() note?: string;
  @ApiPropertyOptional({ type: CouncilCountsDto }) counts?: CouncilCountsDto;
  @ApiPropertyOptional() meetingDate?: string;
  @ApiPropertyOptional() minutesNumber?: string;
  @ApiPropertyOptional() number?: string;
  @ApiPropertyOptional() date?: string;
  @ApiPropertyOptional() authority?: string;
}
