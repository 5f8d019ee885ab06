import { InitialSchema1764300000000 } from './migrations/1764300000000-initial-schema';
import { RegistrationQueues1764400000001 } from './migrations/1764400000001-registration-queues';
import { AgendaNoOverlap1764500000001 } from './migrations/1764500000001-agenda-no-overlap';
import { MailOutboxParams1764600000001 } from './migrations/1764600000001-mail-outbox-params';
import { RegistrationManageTokens1764700000001 } from './migrations/1764700000001-registration-manage-tokens';
import { OutboxLz41764800000001 } from './migrations/1764800000001-outbox-lz4';
import { OutboxRenderAtSend1764900000001 } from './migrations/1764900000001-outbox-render-at-send';
import { ReminderRounds1764900000002 } from './migrations/1764900000002-reminder-rounds';
import { NoLiveTokenAtRest1765000000001 } from './migrations/1765000000001-no-live-token-at-rest';
import { RevokedTokens1765000000040 } from './migrations/1765000000040-revoked-tokens';
import { SendingLimits1765000000301 } from './migrations/1765000000301-sending-limits';
import { DeclineUndo1765100000201 } from './migrations/1765100000201-decline-undo';
import { DeliverySummaries1765100000301 } from './migrations/1765100000301-delivery-summaries';
import { Processes1765100000601 } from './migrations/1765100000601-processes';
import { StaffLinksAndAudit1765100000701 } from './migrations/1765100000701-staff-links-and-audit';
import { Outcomes1765100000801 } from './migrations/1765100000801-outcomes';
import { Syntheses1765200000101 } from './migrations/1765200000101-syntheses';
import { Documents1765200000201 } from './migrations/1765200000201-documents';
import { Contributions1765200000202 } from './migrations/1765200000202-contributions';
import { SpaceDeclineUndo1765200000301 } from './migrations/1765200000301-space-decline-undo';
import { Delegations1765200000401 } from './migrations/1765200000401-delegations';
import { RegistrationQuestions1765200000402 } from './migrations/1765200000402-registration-questions';
import { ProcessCodes1765200000501 } from './migrations/1765200000501-process-codes';
import { SearchUnaccent1765200000502 } from './migrations/1765200000502-search-unaccent';
import { CheckInCodes1765200000601 } from './migrations/1765200000601-check-in-codes';
import { CalendarFeeds1765200000701 } from './migrations/1765200000701-calendar-feeds';
import { Retention1765200000702 } from './migrations/1765200000702-retention';
import { Webhooks1765300000101 } from './migrations/1765300000101-webhooks';
import { HybridAttendance1765300000301 } from './migrations/1765300000301-hybrid-attendance';
import { RecommendationContributions1765300000401 } from './migrations/1765300000401-recommendation-contributions';
import { RoomArrivals1765300000501 } from './migrations/1765300000501-room-arrivals';
import { FieldTranslations1765300000601 } from './migrations/1765300000601-field-translations';
import { DoorAssignments1765300000801 } from './migrations/1765300000801-door-assignments';
import { RegistrationsArrivalIndex1765300000901 } from './migrations/1765300000901-registrations-arrival-index';
import { ContentTranslations1765400000101 } from './migrations/1765400000101-content-translations';
import { OutcomeTranslations1765400000201 } from './migrations/1765400000201-outcome-translations';
import { ArabicRegistrations1765400000401 } from './migrations/1765400000401-arabic-registrations';
import { ProcessScaleIndexes1765400000501 } from './migrations/1765400000501-process-scale-indexes';
import { RecommendationsRecentIndex1765400000502 } from './migrations/1765400000502-recommendations-recent-index';
import { RegistrationCounts1765500000601 } from './migrations/1765500000601-registration-counts';
import { AuditKeysetIndexes1765600000401 } from './migrations/1765600000401-audit-keyset-indexes';

/**
 * Every migration, in order. Listed explicitly because the API and the worker are bundled:
 * add each new migration here (generate with `npx nx run api:migration-generate`).
 */
export const MIGRATIONS = [
  InitialSchema1764300000000,
  RegistrationQueues1764400000001,
  AgendaNoOverlap1764500000001,
  MailOutboxParams1764600000001,
  RegistrationManageTokens1764700000001,
  OutboxLz41764800000001,
  OutboxRenderAtSend1764900000001,
  ReminderRounds1764900000002,
  NoLiveTokenAtRest1765000000001,
  RevokedTokens1765000000040,
  SendingLimits1765000000301,
  DeclineUndo1765100000201,
  DeliverySummaries1765100000301,
  Processes1765100000601,
  StaffLinksAndAudit1765100000701,
  Outcomes1765100000801,
  Syntheses1765200000101,
  Documents1765200000201,
  Contributions1765200000202,
  SpaceDeclineUndo1765200000301,
  Delegations1765200000401,
  RegistrationQuestions1765200000402,
  ProcessCodes1765200000501,
  SearchUnaccent1765200000502,
  CheckInCodes1765200000601,
  CalendarFeeds1765200000701,
  Retention1765200000702,
  Webhooks1765300000101,
  HybridAttendance1765300000301,
  RecommendationContributions1765300000401,
  RoomArrivals1765300000501,
  FieldTranslations1765300000601,
  DoorAssignments1765300000801,
  RegistrationsArrivalIndex1765300000901,
  ContentTranslations1765400000101,
  OutcomeTranslations1765400000201,
  ArabicRegistrations1765400000401,
  ProcessScaleIndexes1765400000501,
  RecommendationsRecentIndex1765400000502,
  RegistrationCounts1765500000601,
  AuditKeysetIndexes1765600000401,
];
