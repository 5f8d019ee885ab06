/**
 * Response shapes the API builds from several sources (docs/http-contract.md, the OpenAPI
 * document at /api/docs-json): the agenda views, the registration as staff and its holder see
 * it, the manage-link view and the results of bulk sends.
 */
import type { SynthesisDue } from './syntheses';
import type { ReaderLanguage, RegistrationStatus } from './enums';
import type { Answers } from './delegations';
import type {
  AgendaItem,
  Dialogue,
  InformalSession,
  Milestone,
  Phase,
  Process,
  Recommendation,
  Registration,
  RegistrationSpace,
  Theme,
} from './models';

/** An agenda item as the API shows it: UTC instants plus the same instants in the dialogue's zone. */
export interface AgendaItemView extends AgendaItem {
  spaceName: string | null;
  spaceNameLang?: ReaderLanguage;
  /** Wall-clock time in the dialogue's zone with its offset, e.g. 2030-05-12T09:00:00+02:00. */
  startsAtLocal: string;
  endsAtLocal: string;
}

/** GET /dialogues/:id/agenda: the programme of a dialogue (or of one space with `?spaceId=`). */
export interface AgendaView {
  dialogueId: string;
  /** The dialogue's title in the reader's language where written (`titleLang` says which). */
  title: string;
  titleLang?: ReaderLanguage;
  /** The dialogue's IANA zone: show times on its clock (each item also carries *Local times). */
  timeZone: string;
  venue: string;
  startsAt: string;
  endsAt: string;
  /** The space asked for, or null for the whole programme. */
  spaceId: string | null;
  items: AgendaItemView[];
}

/** GET /registrations/manage/:token/agenda: the agenda of one registration. */
export interface PersonalAgendaView extends AgendaView {
  registrationId: string;
  registrationStatus: RegistrationStatus;
  /** The spaces the registration holds a confirmed seat in. */
  confirmedSpaceIds: string[];
}

/** A registration as the API shows it to staff and to its holder. */
export interface RegistrationView extends Registration {
  spaces: (RegistrationSpace & { name: string })[];
  invited: boolean;
  /** Answers to the dialogue's own questions, by key (kept readable when a question changes later). */
  answers?: Answers;
  /** The delegation whose held seat the registration sits in (named by its focal point), or null. */
  delegation?: { id: string; name: string } | null;
  cancelledAt: string | null;
  updatedAt: string;
}

/** GET/PATCH /registrations/manage/:token: the registration, its spaces (with names) and its dialogue. */
export interface ManageView extends RegistrationView {
  dialogue: Dialogue;
  /** The place in the dialogue's waiting list (1 = next to be promoted); null unless waitlisted. */
  waitlistPosition: number | null;
  /** The signed code the badge's QR holds (confirmed registrations; never the manage token). */
  checkInCode?: string | null;
  /** The same code to type at the door (XXXX-XXXX) when the QR cannot be read; voided with it on a reissue. */
  deskCode?: string | null;
}

/** One field that differs between two versions of an outcome or of a recommendation. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** GET /dialogues/:id/outcome/diff: what changed between two versions (default: since the last submission). */
export interface OutcomeDiff {
  from: number;
  to: number;
  fields: FieldChange[];
  keyMessages: { added: string[]; removed: string[] };
  recommendations: {
    added: Recommendation[];
    removed: Recommendation[];
    changed: { id: string; reference: string | null; changes: FieldChange[] }[];
  };
}

/**
 * A bulk send (agenda, space message): how many emails were queued and how many people were
 * skipped, in all and by reason.
 */
export interface SendResult {
  queued: number;
  skipped: number;
  skippedBy: Record<string, number>;
}

/** A dialogue ahead of an informal session whose dates changed: its lead time and warnings now. */
export interface AffectedDialogue {
  id: string;
  title: string;
  status: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  leadTimeDays: number;
  schedulingWarnings: string[];
}

/** PATCH /informal-sessions/:id answers the session and the dialogues ahead of it (nothing else moved). */
export interface InformalSessionChange extends InformalSession {
  affectedDialogues: AffectedDialogue[];
}

/**
 * A dialogue on a process's timeline: what the calendar, its list and table, the reports' filter
 * and the session-move panel show (a process can hold hundreds of dialogues; docs/performance.md,
 * "Session 10").
 */
export type TimelineDialogue = Pick<
  Dialogue,
  | 'id'
  | 'title'
  | 'titleLang'
  | 'informalSessionId'
  | 'themeIds'
  | 'startsAt'
  | 'endsAt'
  | 'timeZone'
  | 'venue'
  | 'format'
  | 'status'
  | 'leadTimeDays'
>;

/** GET /processes/:id/timeline */
export interface ProcessTimeline {
  process: Omit<Process, 'phases' | 'milestones'>;
  phases: Phase[];
  milestones: Milestone[];
  themes: Theme[];
  sessions: InformalSession[];
  /**
   * Dialogues attached to the process's sessions (anonymous callers: public statuses only), in
   * the slim shape the calendar draws: GET /dialogues/:id has the rest.
   */
  dialogues: TimelineDialogue[];
  /** The syntheses' due dates: every session, and the milestones that have one (late and missing ones flagged). */
  syntheses?: SynthesisDue[];
}
