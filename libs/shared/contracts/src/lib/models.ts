/** The shapes of the HTTP contract (docs/http-contract.md). Times are ISO 8601 UTC instants. */
import type {
  AgendaItemKind,
  DialogueFormat,
  DialogueStatus,
  EmailKind,
  EmailStatus,
  InvitationStatus,
  Language,
  RegistrationStatus,
  AuditAction,
  AuditEntityType,
  Role,
  SpaceAccess,
  SpaceKind,
  SpeakerRole,
  StakeholderGroup,
} from './enums';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { field: string; message: string }[];
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** false for a deactivated account (it can no longer sign in or use its tokens). */
  active?: boolean;
  /** true while an invited person has not set their password yet (staff list). */
  invitationPending?: boolean;
}

/** One line of the audit log (GET /audit): who did what to which entity, when. No personal data beyond ids. */
export interface AuditEvent {
  id: string;
  /** ISO instant. */
  at: string;
  actorUserId: string | null;
  /** The actor's staff name now (null when no staff member, or the account is gone). */
  actorName: string | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  dialogueId: string | null;
  /** Ids and the names of changed fields only. */
  details: Record<string, unknown>;
}

export interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  user: User;
}

export interface Health {
  status: 'ok' | 'error';
  db: 'up' | 'down';
  redis: 'up' | 'down';
  queues?: Record<string, { waiting: number; active: number; delayed: number; failed: number }>;
  outbox?: { pending: number; failed: number };
}

export interface Theme {
  id: string;
  code: string;
  title: string;
}

export interface InformalSession {
  id: string;
  number: number;
  title: string;
  themeId: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  timeZone: string;
}

export type StakeholderQuotas = Partial<Record<StakeholderGroup, number>>;

export interface Dialogue {
  id: string;
  title: string;
  summary: string;
  informalSessionId: string;
  themeIds: string[];
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string;
  format: DialogueFormat;
  onlineUrl?: string | null;
  capacity: number;
  registrationOpensAt?: string | null;
  registrationClosesAt?: string | null;
  approvalRequired: boolean;
  stakeholderQuotas?: StakeholderQuotas | null;
  languages: Language[];
  status: DialogueStatus;
  leadTimeDays: number | null;
  schedulingWarnings: string[];
  confirmedCount?: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface Space {
  id: string;
  dialogueId: string;
  name: string;
  kind: SpaceKind;
  coordinatingGroup?: StakeholderGroup | null;
  coordinatorUserIds: string[];
  capacity?: number | null;
  access: SpaceAccess;
  allowedGroups?: StakeholderGroup[] | null;
  description?: string | null;
  rooms?: string[] | null;
  confirmedCount?: number;
}

export interface Speaker {
  name: string;
  organization?: string | null;
  role: SpeakerRole;
}

export interface AgendaItem {
  id: string;
  dialogueId: string;
  spaceId?: string | null;
  title: string;
  description?: string | null;
  kind: AgendaItemKind;
  startsAt: string;
  endsAt: string;
  room?: string | null;
  speakers: Speaker[];
  themeIds?: string[];
  sequence?: number;
}

export interface RegistrationSpace {
  spaceId: string;
  status: RegistrationStatus;
}

export interface Registration {
  id: string;
  dialogueId: string;
  email: string;
  title?: string | null;
  firstName: string;
  lastName: string;
  organization: string;
  jobTitle?: string | null;
  stakeholderGroup: StakeholderGroup;
  country: string;
  preferredLanguage: Language;
  accessibilityNeeds?: string | null;
  status: RegistrationStatus;
  checkedInAt?: string | null;
  spaces: RegistrationSpace[];
  createdAt: string;
}

export interface RegistrationCreated {
  id: string;
  status: RegistrationStatus;
  spaces: RegistrationSpace[];
}

export interface DialogueStats {
  byStatus: Partial<Record<RegistrationStatus, number>>;
  byGroup: Partial<Record<StakeholderGroup, Partial<Record<RegistrationStatus, number>>>>;
  bySpace: Record<string, Partial<Record<RegistrationStatus, number>>>;
  capacity?: number;
  quotas?: StakeholderQuotas | null;
}

export interface Invitation {
  id: string;
  dialogueId: string;
  email: string;
  name?: string | null;
  stakeholderGroup?: StakeholderGroup | null;
  preferredLanguage?: Language;
  status: InvitationStatus;
  sentAt?: string | null;
  lastError?: string | null;
  createdAt?: string;
}

/** What an invitation link fills in on the registration form (GET /invitations/by-token/{token}). */
export interface InvitationPrefill {
  dialogueId: string;
  email: string;
  name: string | null;
  stakeholderGroup: StakeholderGroup | null;
  preferredLanguage: Language;
}

export interface InvitationBatchResult {
  queued: number;
  skipped: number;
}

/**
 * A bulk send asked with `?dryRun=true` (invitations, agenda, space messages): how many people
 * the call would email, and how many it would skip, by reason. Nothing is written.
 */
export interface SendPreview {
  wouldSend: number;
  skipped: Record<string, number>;
  /** Space messages: how many more the space may send within 24 hours. */
  remainingToday?: number;
}

export interface OutboundEmail {
  id: string;
  kind: EmailKind;
  recipient: string;
  language: Language;
  subject: string;
  status: EmailStatus;
  attempts: number;
  lastError?: string | null;
  providerMessageId?: string | null;
  createdAt: string;
  sentAt?: string | null;
}

export interface TimelineEntry {
  session: InformalSession;
  dialogues: Dialogue[];
}
