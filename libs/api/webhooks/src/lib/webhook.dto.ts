import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENTS,
  type CreateWebhookRequest,
  type ListWebhookDeliveriesQuery,
  type UpdateWebhookRequest,
  type WebhookDeliveryStatus,
  type WebhookEvent,
} from '@gfmd/contracts';
import { IsPlainText, Nullable, OptionalButNotNull } from '@gfmd/api-platform';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** POST /webhooks */
export class CreateWebhookDto implements CreateWebhookRequest {
  @ApiProperty({
    description:
      'The receiver: https (http only when WEBHOOKS_ALLOW_HTTP), a public address unless WEBHOOKS_ALLOW_PRIVATE',
    maxLength: 2000,
    example: 'https://crm.example.org/gfmd/webhook',
  })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @IsPlainText()
  url: string;

  @ApiPropertyOptional({ nullable: true, maxLength: 200 })
  @Nullable()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  @IsPlainText()
  description?: string | null;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events: WebhookEvent[];

  @ApiPropertyOptional({
    description: 'Send names, emails and organizations of people (default false: ids and non-personal fields only)',
  })
  @OptionalButNotNull()
  @IsBoolean()
  includePersonalData?: boolean;
}

/** PATCH /webhooks/:id: the fields given change; `active: true` enables again (failures count reset). */
export class UpdateWebhookDto implements UpdateWebhookRequest {
  @ApiPropertyOptional({ maxLength: 2000 })
  @OptionalButNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @IsPlainText()
  url?: string;

  @ApiPropertyOptional({ nullable: true, maxLength: 200 })
  @Nullable()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  @IsPlainText()
  description?: string | null;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true })
  @OptionalButNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true })
  events?: WebhookEvent[];

  @ApiPropertyOptional()
  @OptionalButNotNull()
  @IsBoolean()
  includePersonalData?: boolean;

  @ApiPropertyOptional({ description: 'false disables the subscription; true enables it again' })
  @OptionalButNotNull()
  @IsBoolean()
  active?: boolean;
}

/** GET /webhooks/:id/deliveries */
export class ListDeliveriesQuery implements ListWebhookDeliveriesQuery {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATUSES })
  @OptionalButNotNull()
  @IsIn(WEBHOOK_DELIVERY_STATUSES)
  status?: WebhookDeliveryStatus;
  @ApiPropertyOptional({ minimum: 1 })
  @OptionalButNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @OptionalButNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}
