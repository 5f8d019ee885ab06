/**
 * Request bodies and list queries of the HTTP contract (docs/http-contract.md, the OpenAPI
 * document at /api/docs-json). The API's DTO classes implement these interfaces (their
 * class-validator decorators are the rules); the web sends exactly these shapes.
 * Optional fields may be omitted; a field typed `| null` may be cleared with null, the others refuse null.
 */
import type { Answers } from './delegations';
import type {
  AttendanceMode,
  AgendaItemKind,
  AwaitingFilter,
  DialogueFormat,
  DialogueStatus,
  EmailKind,
  EmailStatus,
  InvitationStatus,
  Language,
  MilestoneKind,
  PhaseKind,
  OutcomeStatus,
  ReaderLanguage,
  RecommendationKind,
  RegistrationStatus,
  AuditAction,
  AuditEntityType,
  Role,
  SpaceAccess,
  SpaceKind,
  SpeakerRole,
  StakeholderGroup,
} from './enums';
import type {
  AgendaItemTranslatedField,
  ContentTranslations,
  DialogueTranslatedField,
  OutcomeTranslatedField,
  SpaceTranslatedField,
  StakeholderQuotas,
} from './models';

/** The paging of list queries (1-based). */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}

/**
 * Keyset paging of the large staff lists (registrations, outbox, audit): `after` is the `nextCursor` of
 * the previous page, `before` the `prevCursor` of the next one (opaque; a cursor of another list,
 * or both at once, is a 400). With a cursor, `page` only labels the answer; the rows are those
 * after (before) the cursor in the list's order, whatever was inserted since.
 */
export interface CursorPageQuery extends PageQuery {
  after?: string;
  before?: string;
}

// ── auth and users ───────────────────────────────────────────────────────────────────────────

/** POST /auth/login */
export interface LoginRequest {
  email: string;
  password: string;
}

/** POST /auth/password: a signed-in staff member changes their own password. */
export interface ChangePasswordRequest {
  currentPassword: string;
  /** At least 12 characters. */
  newPassword: string;
}

/** POST /users */
export interface CreateUserRequest {
  email: string;
  name: string;
  role: Role;
  /** At least 12 characters. */
  password: string;
}

/** PATCH /users/:id: change a staff member's role, deactivate or reactivate them. */
export interface UpdateUserRequest {
  role?: Role;
  active?: boolean;
}

/** POST /users/invitations: an admin invites a staff member, who sets their own password from the emailed link. */
export interface InviteUserRequest {
  email: string;
  name: string;
  role: Role;
  /** The language of the invitation email (default en). */
  language?: Language;
}

/** POST /auth/password-reset: anyone asks for a reset link (answered 202 whatever the email). */
export interface RequestPasswordResetRequest {
  email: string;
  language?: Language;
}

/** POST /users/:id/password-reset: an admin sends a staff member a reset link. */
export interface AdminPasswordResetRequest {
  language?: Language;
}

/** POST /auth/password-reset/confirm: sets a password from an emailed link (invitation or reset). */
export interface ConfirmPasswordResetRequest {
  token: string;
  /** At least 12 characters. */
  password: string;
}

/** GET /audit (admin) */
export interface ListAuditRequest extends CursorPageQuery {
  /** A staff user's id. */
  actor?: string;
  entityType?: AuditEntityType;
  /** An entity's id. */
  entity?: string;
  dialogueId?: string;
  action?: AuditAction;
}

// ── informal sessions and dialogues ──────────────────────────────────────────────────────────

/** POST /informal-sessions */
/** POST /processes */
export interface CreateProcessRequest {
  slug: string;
  /** Default: made from the slug. References already published keep the code they were given. */
  code?: string;
  title: string;
  startsAt: string;
  endsAt: string;
  /** Other languages than English (`{ fr: { title } }`); `""` or null removes one (docs/i18n.md). */
  translations?: ContentTranslations<'title'>;
}

/** PATCH /processes/:id */
export type UpdateProcessRequest = Partial<CreateProcessRequest>;

/** POST /processes/:id/phases */
export interface CreatePhaseRequest {
  kind: PhaseKind;
  title: string;
  startsAt: string;
  endsAt: string;
  translations?: ContentTranslations<'title'>;
}

/** PATCH /phases/:id */
export type UpdatePhaseRequest = Partial<CreatePhaseRequest>;

/** POST /processes/:id/milestones */
export interface CreateMilestoneRequest {
  kind: MilestoneKind;
  title: string;
  startsAt: string;
  endsAt?: string | null;
  venue?: string | null;
  timeZone: string;
  translations?: ContentTranslations<'title' | 'venue'>;
}

/** PATCH /milestones/:id */
export type UpdateMilestoneRequest = Partial<CreateMilestoneRequest>;

/** POST /themes */
export interface CreateThemeRequest {
  code: string;
  title: string;
  processId?: string | null;
  translations?: ContentTranslations<'title'>;
}

/** PATCH /themes/:id */
export type UpdateThemeRequest = Partial<CreateThemeRequest>;

/** POST /dialogues/:id/shift */
export interface ShiftDialogueRequest {
  /** Whole minutes, negative to move earlier. */
  byMinutes: number;
}

/** POST /informal-sessions (processId defaults to the GCM 2017–2018 process), POST /processes/:id/informal-sessions */
export interface CreateInformalSessionRequest {
  processId?: string;
  number: number;
  title: string;
  themeId: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  timeZone: string;
  translations?: ContentTranslations<'title' | 'venue'>;
}

/** PATCH /informal-sessions/:id */
export type UpdateInformalSessionRequest = Partial<CreateInformalSessionRequest>;

/** POST /dialogues */
export interface CreateDialogueRequest {
  title: string;
  summary?: string;
  informalSessionId: string;
  themeIds?: string[];
  startsAt: string;
  endsAt: string;
  /** IANA zone, e.g. Europe/Zurich. */
  timeZone: string;
  venue?: string;
  format: DialogueFormat;
  onlineUrl?: string | null;
  capacity: number;
  /** Hybrid dialogues: the online seats (null or absent: unlimited); `capacity` is then the in-person seats. */
  onlineCapacity?: number | null;
  registrationOpensAt?: string | null;
  registrationClosesAt?: string | null;
  approvalRequired?: boolean;
  stakeholderQuotas?: StakeholderQuotas | null;
  /** Content languages, the first the one `title` and `summary` are written in. */
  languages?: ReaderLanguage[];
  /** The other languages' words: `{ fr: { title, summary } }`; "" or null removes one. */
  translations?: ContentTranslations<DialogueTranslatedField>;
}

/** PATCH /dialogues/:id: any field; null clears onlineUrl, the registration window and the quotas. */
export type UpdateDialogueRequest = Partial<CreateDialogueRequest>;

/** GET /dialogues */
export interface ListDialoguesRequest extends PageQuery {
  status?: DialogueStatus;
  informalSessionId?: string;
  themeId?: string;
}

// ── spaces ───────────────────────────────────────────────────────────────────────────────────

/** POST /dialogues/:id/spaces */
export interface CreateSpaceRequest {
  name: string;
  kind: SpaceKind;
  coordinatingGroup?: StakeholderGroup | null;
  /** Staff users with the coordinator role. */
  coordinatorUserIds?: string[];
  /** Seats; null for no limit of its own. */
  capacity?: number | null;
  access?: SpaceAccess;
  /** Required for group_only. */
  allowedGroups?: StakeholderGroup[] | null;
  description?: string | null;
  /** Room names, unique (case-insensitive) and non-empty; [] for none (null is refused). */
  rooms?: string[];
  /** The other languages' words: `{ fr: { name, description } }`; "" or null removes one. */
  translations?: ContentTranslations<SpaceTranslatedField>;
}

/** PATCH /spaces/:id: any field (a coordinator of the space: description and rooms only). */
export type UpdateSpaceRequest = Partial<CreateSpaceRequest>;

// ── outcomes and recommendations ─────────────────────────────────────────────────────────────

/** One recommendation of PUT /dialogues/:id/outcome; without id it is new. */
export interface RecommendationRequest {
  id?: string;
  text: string;
  /** Other languages than the source (`{ fr: { text } }`); `""` or null removes one (docs/i18n.md). */
  translations?: ContentTranslations<'text'>;
  kind: RecommendationKind;
  themeIds: string[];
  addressedTo: StakeholderGroup[];
  spaceId?: string | null;
}

/** PUT /dialogues/:id/outcome: the whole working copy, with the version it was read at. */
export interface PutOutcomeRequest {
  summary?: string;
  /** The summary and key messages in other languages than the source (`{ fr: { summary, 'keyMessages.0': … } }`). */
  translations?: ContentTranslations<OutcomeTranslatedField>;
  keyMessages?: string[];
  rapporteurUserIds?: string[];
  recommendations: RecommendationRequest[];
  /** read-only: transitions use the POST routes */
  status?: OutcomeStatus;
  version: number;
}

/** PUT /dialogues/:id/outcome/recommendations/:recommendationId/contributions: the contributions it draws on (replaces the list). */
export interface LinkContributionsRequest {
  contributionIds: string[];
}

/**
 * PATCH /documents/:id: the title in some languages (any of the six); a language sent replaces
 * its title, `""` or null removes it, languages not sent are kept.
 */
export interface PatchDocumentRequest {
  title: Partial<Record<ReaderLanguage, string | null>>;
}

/** PATCH /dialogues/:id/outcome: organizers name the rapporteurs. */
export interface PatchOutcomeRequest {
  rapporteurUserIds?: string[];
  version: number;
}

/** POST /dialogues/:id/outcome/return */
export interface ReturnOutcomeRequest {
  comment: string;
}

/** GET /recommendations */
export interface ListRecommendationsRequest extends PageQuery {
  q?: string;
  themeId?: string;
  informalSessionId?: string;
  dialogueId?: string;
  kind?: RecommendationKind;
  addressedTo?: StakeholderGroup;
}

// ── agenda ───────────────────────────────────────────────────────────────────────────────────

export interface SpeakerRequest {
  name: string;
  organization?: string | null;
  role: SpeakerRole;
}

/** POST /dialogues/:id/agenda-items. Instants carry an offset or Z. */
export interface AgendaItemRequest {
  /** Omit or null for the dialogue-wide programme. */
  spaceId?: string | null;
  title: string;
  description?: string | null;
  kind: AgendaItemKind;
  startsAt: string;
  endsAt: string;
  room?: string | null;
  speakers?: SpeakerRequest[];
  themeIds?: string[];
  /** The other languages' words: `{ fr: { title, description } }`; "" or null removes one. */
  translations?: ContentTranslations<AgendaItemTranslatedField>;
}

/** PATCH /agenda-items/:id */
export type UpdateAgendaItemRequest = Partial<AgendaItemRequest>;

// ── registrations ────────────────────────────────────────────────────────────────────────────

/** The details a participant may change through the manage link (not the email, not the group). */
export interface RegistrationDetailsRequest {
  title?: string | null;
  firstName: string;
  lastName: string;
  organization: string;
  jobTitle?: string | null;
  /** ISO 3166-1 alpha-2, e.g. CH. */
  country: string;
  preferredLanguage: Language;
  accessibilityNeeds?: string | null;
  /** The spaces asked for (on the manage link: the complete new set). */
  spaceIds?: string[];
}

/** POST /dialogues/:id/registrations ("registration in" of docs/http-contract.md). */
export interface CreateRegistrationRequest extends RegistrationDetailsRequest {
  email: string;
  stakeholderGroup: StakeholderGroup;
  consent: true;
  /** The token of an invitation link. */
  invitationToken?: string;
  /** Answers to the dialogue's own questions by key (GET /dialogues/:id/questions). */
  answers?: Answers;
  /** Hybrid dialogues (required there): in person or online. */
  attendance?: AttendanceMode;
}

/** POST /dialogues/:id/registrations/staff: an organizer registers someone (no consent box, no invitation). */
export type StaffCreateRegistrationRequest = Omit<CreateRegistrationRequest, 'consent' | 'invitationToken'>;

/** PATCH /registrations/manage/:token: any of the details; null clears title, jobTitle and accessibilityNeeds. */
export type UpdateManagedRegistrationRequest = Partial<RegistrationDetailsRequest> & {
  /** The complete new set of answers (checked like the form's; until the registration window closes). */
  answers?: Answers;
  /** Hybrid dialogues: switch mode (a confirmed seat moves only when the other mode has room). */
  attendance?: AttendanceMode;
};

/** GET /dialogues/:id/registrations (and .csv without the paging). */
export interface ListRegistrationsRequest extends CursorPageQuery {
  status?: RegistrationStatus;
  stakeholderGroup?: StakeholderGroup;
  spaceId?: string;
  /** What waits for a staff decision: `space` (a pending seat request in a space), `approval` (that or a pending registration). */
  awaiting?: AwaitingFilter;
  /** Free text: name, email, organization. */
  q?: string;
  /** `key:value`: whose answer to a choice or checkbox question is (or includes) value. */
  answer?: string;
}

/** Body of approve / decline: a space seat, or (without) the registration or the coordinator's seats. */
export interface SeatDecisionRequest {
  spaceId?: string;
}

/** POST /registrations/:id/decline: a seat (see SeatDecisionRequest) and an optional reason, plain text, put in the email. */
export interface DeclineRequest extends SeatDecisionRequest {
  reason?: string;
}

/** POST /spaces/:id/messages: plain text, shown escaped in the email. */
export interface SpaceMessageRequest {
  message: string;
}

// ── invitations ──────────────────────────────────────────────────────────────────────────────

export interface InvitationRecipientRequest {
  email: string;
  /** Shown in the greeting of the email. */
  name?: string;
  stakeholderGroup?: StakeholderGroup;
  preferredLanguage?: Language;
}

/** POST /dialogues/:id/invitations */
export interface CreateInvitationsRequest {
  recipients: InvitationRecipientRequest[];
  spaceIds?: string[];
  /** A personal note from the organizers (plain text, line breaks kept). */
  message?: string;
}

/** GET /dialogues/:id/invitations */
export interface ListInvitationsRequest extends PageQuery {
  status?: InvitationStatus;
  q?: string;
}

// ── outbox ───────────────────────────────────────────────────────────────────────────────────

/** GET /outbox */
export interface ListOutboxRequest extends CursorPageQuery {
  status?: EmailStatus;
  kind?: EmailKind;
  dialogueId?: string;
}

/** GET /outbox/summary: counts by status, narrowed like the list. */
export interface OutboxSummaryRequest {
  kind?: EmailKind;
  dialogueId?: string;
}
