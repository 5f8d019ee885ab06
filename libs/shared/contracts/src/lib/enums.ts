/** Enumerations shared by the API, the worker and the web app (the domain words of docs/http-contract.md). */

/** Staff roles; `door` scans check-in codes at the door and can do nothing else. */
export const ROLES = ['admin', 'organizer', 'coordinator', 'door'] as const;
export type Role = (typeof ROLES)[number];

/** What the audit log records (GET /audit): `<entity>.<what happened>`. */
export const AUDIT_ACTIONS = [
  'dialogue.created',
  'dialogue.changed',
  'dialogue.published',
  'dialogue.cancelled',
  'dialogue.shifted',
  'outcome.saved',
  'outcome.corrected',
  'outcome.submitted',
  'outcome.approved',
  'outcome.returned',
  'outcome.published',
  'registration.created_by_staff',
  'registration.approved',
  'registration.declined',
  'registration.decline_undone',
  'registration.checked_in',
  'registration.check_in_undone',
  'registration.check_in_code_reissued',
  'dialogue.door_staff_changed',
  'space.created',
  'space.changed',
  'space.deleted',
  'invitations.sent',
  'participant.erased',
  'dialogue.personal_data_erased',
  'user.invited',
  'user.role_changed',
  'user.deactivated',
  'user.reactivated',
  'user.password_reset',
  'delegation.created',
  'delegation.changed',
  'delegation.released',
  'delegation.imported',
  'delegation.delegate_added',
  'delegation.delegate_withdrawn',
  'delegation.delegate_replaced',
  'document.uploaded',
  'document.deleted',
  'document.retitled',
  'contribution.accepted',
  'contribution.rejected',
  'recommendation.contributions_linked',
  'synthesis.changed',
  'synthesis.published',
  'synthesis.subscriber_added',
  'synthesis.subscriber_removed',
  'webhook.created',
  'webhook.changed',
  'webhook.deleted',
  'webhook.secret_rotated',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = [
  'dialogue',
  'outcome',
  'registration',
  'space',
  'invitation',
  'participant',
  'user',
  'delegation',
  'document',
  'contribution',
  'synthesis',
  'subscriber',
  'webhook',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const STAKEHOLDER_GROUPS = [
  'government',
  'international_organization',
  'civil_society',
  'private_sector',
  'academia',
  'local_authority',
  'migrant_diaspora',
  'media',
  'other',
] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DIALOGUE_FORMATS = ['in_person', 'hybrid', 'online'] as const;
export type DialogueFormat = (typeof DIALOGUE_FORMATS)[number];

/** How a registration of a hybrid dialogue attends: each mode has its own seats and waiting list. */
export const ATTENDANCE_MODES = ['in_person', 'online'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

export const DIALOGUE_STATUSES = ['draft', 'published', 'registration_closed', 'concluded', 'cancelled'] as const;
export type DialogueStatus = (typeof DIALOGUE_STATUSES)[number];

export const PHASE_KINDS = ['consultation', 'stocktaking', 'negotiation', 'other'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

export const MILESTONE_KINDS = [
  'stocktaking_meeting',
  'intergovernmental_conference',
  'regional_consultation',
  'deadline',
  'other',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
/** Whether a visitor can take a place now: places left, full (waiting list), closed, or not open yet. */
export const DIALOGUE_AVAILABILITIES = ['open', 'full', 'closed', 'not_yet_open'] as const;
export type DialogueAvailability = (typeof DIALOGUE_AVAILABILITIES)[number];

export const SPACE_KINDS = [
  'plenary',
  'common_space',
  'civil_society',
  'business',
  'government',
  'side_event',
] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

export const SPACE_ACCESS = ['open', 'group_only', 'approval', 'invitation_only'] as const;
export type SpaceAccess = (typeof SPACE_ACCESS)[number];

export const AGENDA_ITEM_KINDS = [
  'opening',
  'plenary',
  'panel',
  'roundtable',
  'working_group',
  'side_event',
  'break',
  'reception',
  'closing',
  'other',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const SPEAKER_ROLES = ['moderator', 'speaker', 'rapporteur'] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];

/** The review cycle of a dialogue's outcome (docs/http-contract.md, "Outcomes"). */
export const OUTCOME_STATUSES = ['draft', 'submitted', 'approved', 'published', 'returned'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

export const RECOMMENDATION_KINDS = [
  'policy_recommendation',
  'good_practice',
  'means_of_implementation',
  'actionable_commitment',
] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

/** A synthesis is a draft until organizers publish it; a later change makes a new draft (the published one stays public). */
export const SYNTHESIS_STATUSES = ['draft', 'published'] as const;
export type SynthesisStatus = (typeof SYNTHESIS_STATUSES)[number];

/** What a synthesis is for: an informal session, or a milestone of a process (e.g. the stocktaking meeting). */
export const SYNTHESIS_TARGETS = ['informal-sessions', 'milestones'] as const;
export type SynthesisTarget = (typeof SYNTHESIS_TARGETS)[number];

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed'] as const;
export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'declined', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/**
 * `awaiting` filter of the registrations list: `space` — a confirmed registration with a seat
 * request pending approval in a space (of the caller's, or `spaceId`); `approval` — that, or the
 * registration itself pending (everything that waits for a staff decision).
 */
export const AWAITING_FILTERS = ['space', 'approval'] as const;
export type AwaitingFilter = (typeof AWAITING_FILTERS)[number];

export const INVITATION_STATUSES = ['queued', 'sent', 'failed', 'registered', 'declined'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const EMAIL_KINDS = [
  'invitation',
  'confirmation',
  'waitlisted',
  'pending',
  'promoted',
  'approved',
  'declined',
  'cancelled',
  'agenda',
  'agenda_update',
  'reminder',
  'space_message',
  'staff_invitation',
  'password_reset',
  'retention_notice',
  'delegation',
  'contribution_confirm',
  'contribution_accepted',
  'contribution_rejected',
  'subscription_confirm',
  'synthesis_published',
  'webhook_disabled',
  'certificate_available',
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const EMAIL_STATUSES = ['pending', 'queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** What a document is attached to (its ownerId is that thing's id; an outcome's is its dialogue's id). */
export const DOCUMENT_OWNER_TYPES = ['dialogue', 'agenda_item', 'space', 'outcome'] as const;
export type DocumentOwnerType = (typeof DOCUMENT_OWNER_TYPES)[number];

export const DOCUMENT_KINDS = [
  'concept_note',
  'background_paper',
  'presentation',
  'minutes',
  'contribution',
  'annex',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** public: anyone (once the dialogue is public); registrants: through a participant's manage link; staff: staff only. */
export const DOCUMENT_VISIBILITIES = ['public', 'registrants', 'staff'] as const;
export type DocumentVisibility = (typeof DOCUMENT_VISIBILITIES)[number];

/** The language of a document's file: the six UN languages. */
export const DOCUMENT_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** The languages a reader may ask for (`?lang=`, `Accept-Language`): the six UN languages. */
export const READER_LANGUAGES = DOCUMENT_LANGUAGES;
export type ReaderLanguage = DocumentLanguage;

export const CONTRIBUTION_STATUSES = ['unconfirmed', 'submitted', 'accepted', 'rejected'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];
