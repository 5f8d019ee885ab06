// Over 400 lines on purpose: every shape of the HTTP contract in one file, in the order of
// docs/http-contract.md, so the contract reads as one document.
/** The shapes of the HTTP contract (docs/http-contract.md). Times are ISO 8601 UTC instants. */
import type {
  AgendaItemKind,
  DialogueAvailability,
  DialogueFormat,
  DialogueStatus,
  EmailKind,
  EmailStatus,
  InvitationStatus,
  Language,
  MilestoneKind,
  PhaseKind,
  OutcomeStatus,
  RecommendationKind,
  RegistrationStatus,
  AuditAction,
  AuditEntityType,
  ContributionStatus,
  DocumentKind,
  DocumentLanguage,
  ReaderLanguage,
  DocumentOwnerType,
  DocumentVisibility,
  Role,
  SpaceAccess,
  SpaceKind,
  SpeakerRole,
  StakeholderGroup,
  AttendanceMode,
} from './enums';

export interface Page<T> {
  items: T[];
  /** Matching rows; on the large staff lists exact up to 1,000, beyond that an estimate (`totalIsEstimate`). */
  total: number;
  page: number;
  pageSize: number;
  /** True when `total` is the database's estimate (more rows match than are counted exactly). Absent: exact. */
  totalIsEstimate?: boolean;
  /** Keyset lists: the `after` of the next page, null on the last page. Absent on lists without cursors. */
  nextCursor?: string | null;
  /** Keyset lists: the `before` of the previous page, null on the first page. Absent on lists without cursors. */
  prevCursor?: string | null;
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

/**
 * Words of a record in other languages than its own (`{ fr: { title }, es: { title } }`), as
 * stored beside the record; reads pick one by the reader's language (docs/i18n.md).
 */
export type FieldTranslations = ContentTranslations<'title'>;

/**
 * Content in other languages than a record's own: `{ fr: { title, summary }, ar: { title } }`,
 * any of the six languages, any of the record's translatable fields (docs/i18n.md).
 */
export type ContentTranslations<F extends string = string> = Partial<
  Record<ReaderLanguage, Partial<Record<F, string>>>
>;

/** The language each translated field of a response is in (`titleLang`, `summaryLang`…). */
export type FieldLanguages<F extends string> = { [K in F as `${K}Lang`]?: ReaderLanguage };

/** What an editor lacks per listed language: the fields written in the source but not in that language. */
export type MissingTranslations = Partial<Record<ReaderLanguage, string[]>>;

/**
 * What a staff response of a record with content in several languages carries for its editors
 * (docs/i18n.md, "Content in several languages"): the translations as stored, what each listed
 * language lacks, and the languages translated that its dialogue does not list (accepted, marked).
 */
export interface EditableTranslations<F extends string = string> {
  translations?: ContentTranslations<F>;
  missingTranslations?: MissingTranslations;
  unlistedLanguages?: ReaderLanguage[];
}

/** The language a translated field of a response was written in (fallback: the record's own, English). */
export interface TitleLanguage {
  /** The language `title` is in: the reader's when a translation exists, else the record's own (`en`). */
  titleLang?: ReaderLanguage;
}

/**
 * What staff reads add to a record with translatable fields (Bearer token, no `?lang=`): the
 * stored translations, and per language the fields written in the source but not there.
 */
export interface TranslationsForEditors<F extends string> {
  translations?: ContentTranslations<F>;
  missingTranslations?: MissingTranslations;
}

export interface Phase extends TitleLanguage, TranslationsForEditors<'title'> {
  id: string;
  processId: string;
  kind: PhaseKind;
  title: string;
  startsAt: string;
  endsAt: string;
}

export interface Milestone extends TitleLanguage, FieldLanguages<'venue'>, TranslationsForEditors<'title' | 'venue'> {
  id: string;
  processId: string;
  kind: MilestoneKind;
  title: string;
  startsAt: string;
  endsAt: string | null;
  venue: string | null;
  /** IANA zone of the venue, kept beside the UTC instants. */
  timeZone: string;
}

/** A consultation cycle (e.g. the GCM 2017–2018) with its calendar. */
export interface Process extends TitleLanguage, TranslationsForEditors<'title'> {
  id: string;
  slug: string;
  /** 2–10 upper-case letters and digits, unique; the process part of recommendation references (`GFMD-GCM-T3-D12-R04`). */
  code: string;
  title: string;
  startsAt: string;
  endsAt: string;
  phases: Phase[];
  milestones: Milestone[];
}

export interface Theme extends TitleLanguage, TranslationsForEditors<'title'> {
  id: string;
  code: string;
  title: string;
  /** null: a theme shared by every process. */
  processId?: string | null;
}

export interface InformalSession
  extends TitleLanguage, FieldLanguages<'venue'>, TranslationsForEditors<'title' | 'venue'> {
  id: string;
  processId: string;
  number: number;
  title: string;
  themeId: string;
  startsAt: string;
  endsAt: string;
  venue: string;
  timeZone: string;
}

export type StakeholderQuotas = Partial<Record<StakeholderGroup, number>>;

/** The fields of a dialogue written in several languages. */
export const DIALOGUE_TRANSLATED_FIELDS = ['title', 'summary'] as const;
export type DialogueTranslatedField = (typeof DIALOGUE_TRANSLATED_FIELDS)[number];

export interface Dialogue extends EditableTranslations<DialogueTranslatedField> {
  id: string;
  /** In the reader's language where written, else in the dialogue's first language (`titleLang` says which). */
  title: string;
  titleLang?: ReaderLanguage;
  summary: string;
  summaryLang?: ReaderLanguage;
  informalSessionId: string;
  themeIds: string[];
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string;
  format: DialogueFormat;
  onlineUrl?: string | null;
  /** Seats (a hybrid dialogue: its in-person seats). */
  capacity: number;
  /** Hybrid dialogues: the online seats (null: unlimited). */
  onlineCapacity?: number | null;
  registrationOpensAt?: string | null;
  registrationClosesAt?: string | null;
  approvalRequired: boolean;
  stakeholderQuotas?: StakeholderQuotas | null;
  /** The content languages, the first the one its own fields are written in (and the fallback). */
  languages: ReaderLanguage[];
  status: DialogueStatus;
  leadTimeDays: number | null;
  schedulingWarnings: string[];
  confirmedCount?: number;
  /** Places not yet taken (capacity minus confirmed), never below 0. */
  placesLeft?: number;
  /** Hybrid dialogues: confirmed online seats, and online places left (null: unlimited). */
  onlineConfirmedCount?: number;
  onlinePlacesLeft?: number | null;
  /** Whether registering now gets a place, a waiting-list spot, or nothing (closed / not open yet). */
  availability?: DialogueAvailability;
  /** The publish response only: what is worth knowing but does not stop it (e.g. missing translations). */
  warnings?: string[];
  createdAt?: string;
  updatedAt?: string;
}

export const SPACE_TRANSLATED_FIELDS = ['name', 'description'] as const;
export type SpaceTranslatedField = (typeof SPACE_TRANSLATED_FIELDS)[number];

export interface Space extends EditableTranslations<SpaceTranslatedField> {
  id: string;
  dialogueId: string;
  name: string;
  nameLang?: ReaderLanguage;
  kind: SpaceKind;
  coordinatingGroup?: StakeholderGroup | null;
  coordinatorUserIds: string[];
  capacity?: number | null;
  access: SpaceAccess;
  allowedGroups?: StakeholderGroup[] | null;
  description?: string | null;
  descriptionLang?: ReaderLanguage;
  rooms?: string[] | null;
  confirmedCount?: number;
}

/** A recommendation inside an outcome; `reference` once it has been published. */
export interface Recommendation extends FieldLanguages<'text'>, EditableTranslations<'text'> {
  id: string;
  reference?: string | null;
  /** In the reader's language where translated (`textLang` says which; docs/i18n.md). */
  text: string;
  kind: RecommendationKind;
  themeIds: string[];
  addressedTo: StakeholderGroup[];
  spaceId?: string | null;
}

/**
 * The translatable fields of an outcome: its summary and each key message by position
 * (`keyMessages.0`, `keyMessages.1`…), all in the outcome's `translations` (docs/i18n.md).
 */
export type OutcomeTranslatedField = 'summary' | `keyMessages.${number}`;

/** The name of the i-th key message in an outcome's `translations` and `missingTranslations`. */
export const keyMessageField = (index: number): `keyMessages.${number}` => `keyMessages.${index}`;

/** The outcome of a dialogue: staff see the working copy, anonymous visitors the published one. */
export interface Outcome extends FieldLanguages<'summary'>, EditableTranslations<OutcomeTranslatedField> {
  dialogueId: string;
  summary: string;
  /** In the reader's language where translated (`keyMessagesLang` gives each one's language). */
  keyMessages: string[];
  keyMessagesLang?: ReaderLanguage[];
  rapporteurUserIds?: string[];
  recommendations: Recommendation[];
  status: OutcomeStatus;
  version: number;
  returnComment?: string | null;
  /** the version last published (null before the first publication) */
  publishedVersion?: number | null;
  publishedAt?: string | null;
}

/** An outcome the signed-in staff member is named rapporteur on (`GET /outcomes/mine`). */
export interface RapporteurOutcome {
  dialogueId: string;
  dialogueTitle: string;
  status: OutcomeStatus;
  version: number;
  returnComment: string | null;
  publishedVersion: number | null;
  updatedAt: string;
}

/** One saved version of an outcome (every save and every transition is one). */
export interface OutcomeVersion {
  version: number;
  status: OutcomeStatus;
  savedById: string | null;
  savedAt: string;
  outcome?: Outcome;
}

/** A published recommendation as the public sees it (GET /recommendations/:reference). */
export interface PublishedRecommendation extends FieldLanguages<'text'> {
  reference: string;
  /** In the reader's language where translated (`textLang` says which; docs/i18n.md). */
  text: string;
  kind: RecommendationKind;
  themeIds: string[];
  addressedTo: StakeholderGroup[];
  spaceId: string | null;
  dialogueId: string;
  dialogueTitle: string;
  dialogueStartsAt: string;
  informalSessionId: string;
  firstPublishedAt: string;
  publishedAt: string;
  /** removed from its outcome by a later version; the reference still resolves and is never reused */
  withdrawn: boolean;
  url: string;
  cite: string;
  /** the public contributions it draws on (the single recommendation's page only) */
  contributions?: CitedContribution[];
  /** earlier published wordings, oldest first */
  history?: {
    text: string;
    kind: RecommendationKind;
    themeIds: string[];
    addressedTo: StakeholderGroup[];
    publishedAt: string;
  }[];
  /** search hits: the matching words wrapped in <mark>…</mark> (text otherwise plain) */
  highlight?: string;
  rank?: number;
}

/**
 * The published outcome of a dialogue as the public reads it (`GET /dialogues/:id/outcome`
 * anonymous, `GET /dialogues/:id/outcome/published` anyone): the last published version.
 */
export interface PublishedOutcome extends FieldLanguages<'summary'> {
  dialogueId: string;
  dialogueTitle: string;
  dialogueStartsAt: string;
  summary: string;
  keyMessages: string[];
  /** The language of each key message as given (the reader's where translated, else the dialogue's first). */
  keyMessagesLang?: ReaderLanguage[];
  status: 'published';
  /** the version published (also `publishedVersion`) */
  version: number;
  publishedVersion: number;
  publishedAt: string | null;
  /** in the outcome's order, each with its reference, permanent `url` and `cite` text */
  recommendations: PublishedRecommendation[];
}

export interface Speaker {
  name: string;
  organization?: string | null;
  role: SpeakerRole;
}

export const AGENDA_ITEM_TRANSLATED_FIELDS = ['title', 'description'] as const;
export type AgendaItemTranslatedField = (typeof AGENDA_ITEM_TRANSLATED_FIELDS)[number];

export interface AgendaItem extends EditableTranslations<AgendaItemTranslatedField> {
  id: string;
  dialogueId: string;
  spaceId?: string | null;
  title: string;
  titleLang?: ReaderLanguage;
  description?: string | null;
  descriptionLang?: ReaderLanguage;
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
  /** Hybrid dialogues: how the person attends (null in other dialogues). */
  attendance?: AttendanceMode | null;
  checkedInAt?: string | null;
  spaces: RegistrationSpace[];
  createdAt: string;
}

/**
 * The answer of POST /registrations/:id/decline: the registration, and, for a whole registration
 * declined by an organizer, until when POST /registrations/:id/undo-decline may restore it (the
 * decline email is held back until then).
 */
export interface DeclinedRegistration extends Registration {
  undoUntil?: string | null;
}

export interface RegistrationCreated {
  id: string;
  status: RegistrationStatus;
  spaces: RegistrationSpace[];
  /** When waitlisted: the place in the dialogue's waiting list (1 = next to be promoted). */
  waitlistPosition?: number | null;
}

/** What happens (or happened) to one row of a registrations import. */
export interface ImportRowOutcome {
  /** The row's line in the file (the header is line 1). */
  row: number;
  email: string | null;
  name: string | null;
  outcome: 'confirmed' | 'waitlisted' | 'refused';
  /** When refused: a problem slug (invalid-input, duplicate-in-file, duplicate-registration, unknown-space…). */
  reason?: string;
  /** When refused: what is wrong, in words (with the fields). */
  detail?: string;
  /** When written (not a preview): the registration's id. */
  id?: string;
  waitlistPosition?: number | null;
}

/** POST /dialogues/:id/registrations/import: the report, per row, of a preview or of the import. */
export interface ImportRegistrationsReport {
  dryRun: boolean;
  total: number;
  confirmed: number;
  waitlisted: number;
  refused: number;
  rows: ImportRowOutcome[];
}

export interface DialogueStats {
  byStatus: Partial<Record<RegistrationStatus, number>>;
  byGroup: Partial<Record<StakeholderGroup, Partial<Record<RegistrationStatus, number>>>>;
  bySpace: Record<string, Partial<Record<RegistrationStatus, number>>>;
  /**
   * What waits for a staff decision (a coordinator: in their spaces only): registrations pending
   * an organizer's approval, and per space the seat requests of confirmed registrations pending
   * the space's approval (what `awaiting=space` lists).
   */
  awaiting?: { registrations: number; bySpace: Record<string, number> };
  capacity?: number;
  quotas?: StakeholderQuotas | null;
  /**
   * Seats held by delegations (counted in the confirmed count whether named or not), and how
   * many of them their delegates use; per group as well (held seats count against its quota).
   */
  delegations?: { count: number; seats: number; used: number; byGroup: Partial<Record<StakeholderGroup, number>> };
  /** Active registrations per answer value of each choice and checkbox question: `{key: {value: n}}`. */
  answers?: Record<string, Record<string, number>>;
  /** Hybrid dialogues: registrations per attendance mode and status, and the online seats (null: unlimited). */
  byAttendance?: Partial<Record<AttendanceMode, Partial<Record<RegistrationStatus, number>>>>;
  onlineCapacity?: number | null;
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

/** GET /invitations/decline/{token}: what the decline page shows before the invitee confirms. */
export interface InvitationDeclineView {
  dialogueId: string;
  dialogueTitle: string;
  /** the invitee's language, for the page when the visitor has not chosen one */
  language: Language;
  /** `declined` once done; `registered` when the invitation was used (then cancel through the manage link) */
  status: InvitationStatus;
}

export interface InvitationBatchResult {
  queued: number;
  skipped: number;
}

/**
 * Where a batch of emails stands (GET …/summary of invitations, the outbox, a space message):
 * counts by delivery status, read from indexes. `queued` holds what waits to go out (an outbox
 * row `pending` or `queued`); `closed` what left delivery otherwise (a cancelled email; an
 * invitation registered or declined). Nothing is left to do once `queued + sending` is 0.
 */
export interface DeliverySummary {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  closed: number;
  total: number;
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

/** A file attached to a dialogue, an agenda item, a space or an outcome (docs/documents.md). */
export interface DocumentView {
  id: string;
  dialogueId: string;
  ownerType: DocumentOwnerType;
  ownerId: string;
  kind: DocumentKind;
  /** Title per language (en, fr, es…); may be empty. */
  title: Record<string, string>;
  /** The title to show: the reader's language where written, else the dialogue's first, else the file's (`titleLang`). */
  titleText?: string | null;
  titleLang?: ReaderLanguage;
  visibility: DocumentVisibility;
  language: DocumentLanguage;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
}

/** A written contribution to a dialogue (docs/documents.md). Staff see every field; the public the accepted ones without email. */
export interface ContributionView {
  id: string;
  dialogueId: string;
  title: string;
  text: string;
  organization: string | null;
  stakeholderGroup: StakeholderGroup;
  name: string | null;
  email?: string;
  status: ContributionStatus;
  consentToPublish: boolean;
  documentId: string | null;
  reason?: string | null;
  submittedAt: string;
  decidedAt: string | null;
}

/** A public (accepted) contribution a recommendation draws on, as the recommendation's page lists it. */
export interface CitedContribution {
  id: string;
  dialogueId: string;
  title: string;
  organization: string | null;
  stakeholderGroup: StakeholderGroup;
  /** only when the author agreed to publication */
  name: string | null;
}

/** A published recommendation that cites a contribution (the contribution's page). */
export interface CitingRecommendation {
  reference: string;
  text: string;
  dialogueTitle: string;
  url: string;
}

/** A contribution's own page (`GET /contributions/:id`): the contribution and the recommendations that cite it. */
export interface ContributionPage extends ContributionView {
  citedBy: CitingRecommendation[];
}

/** Which contributions each recommendation of an outcome draws on (`GET /dialogues/:id/outcome/contribution-links`). */
export interface RecommendationContributionLinks {
  recommendationId: string;
  contributionIds: string[];
}
