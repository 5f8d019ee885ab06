/**
 * Request bodies and list queries of the HTTP contract (docs/http-contract.md, the OpenAPI
 * document at /api/docs-json). The API's DTO classes implement these interfaces (their
 * class-validator decorators are the rules); the web sends exactly these shapes.
 * Optional fields may be omitted; a field typed `| null` may be cleared with null, the others refuse null.
 */
import type {
  AgendaItemKind,
  AwaitingFilter,
  DialogueFormat,
  DialogueStatus,
  EmailKind,
  EmailStatus,
  InvitationStatus,
  Language,
  OutcomeStatus,
  RecommendationKind,
  RegistrationStatus,
  Role,
  SpaceAccess,
  SpaceKind,
  SpeakerRole,
  StakeholderGroup,
} from './enums';
import type { StakeholderQuotas } from './models';

/** The paging of list queries (1-based). */
export interface PageQuery {
  page?: number;
  pageSize?: number;
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

// ── informal sessions and dialogues ──────────────────────────────────────────────────────────

/** POST /informal-sessions */
export interface CreateInformalSessionRequest {
  number: number;
  title: string;
  themeId: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  timeZone: string;
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
  registrationOpensAt?: string | null;
  registrationClosesAt?: string | null;
  approvalRequired?: boolean;
  stakeholderQuotas?: StakeholderQuotas | null;
  languages?: Language[];
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
}

/** PATCH /spaces/:id: any field (a coordinator of the space: description and rooms only). */
export type UpdateSpaceRequest = Partial<CreateSpaceRequest>;

// ── outcomes and recommendations ─────────────────────────────────────────────────────────────

/** One recommendation of PUT /dialogues/:id/outcome; without id it is new. */
export interface RecommendationRequest {
  id?: string;
  text: string;
  kind: RecommendationKind;
  themeIds: string[];
  addressedTo: StakeholderGroup[];
  spaceId?: string | null;
}

/** PUT /dialogues/:id/outcome: the whole working copy, with the version it was read at. */
export interface PutOutcomeRequest {
  summary?: string;
  keyMessages?: string[];
  rapporteurUserIds?: string[];
  recommendations: RecommendationRequest[];
  /** read-only: transitions use the POST routes */
  status?: OutcomeStatus;
  version: number;
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
}

/** PATCH /registrations/manage/:token: any of the details; null clears title, jobTitle and accessibilityNeeds. */
export type UpdateManagedRegistrationRequest = Partial<RegistrationDetailsRequest>;

/** GET /dialogues/:id/registrations (and .csv without the paging). */
export interface ListRegistrationsRequest extends PageQuery {
  status?: RegistrationStatus;
  stakeholderGroup?: StakeholderGroup;
  spaceId?: string;
  /** What waits for a staff decision: `space` (a pending seat request in a space), `approval` (that or a pending registration). */
  awaiting?: AwaitingFilter;
  /** Free text: name, email, organization. */
  q?: string;
}

/** Body of approve / decline: a space seat, or (without) the registration or the coordinator's seats. */
export interface SeatDecisionRequest {
  spaceId?: string;
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
export interface ListOutboxRequest extends PageQuery {
  status?: EmailStatus;
  kind?: EmailKind;
  dialogueId?: string;
}
