/** The synthesis of an informal session or a milestone (docs/syntheses.md), and its subscribers. */
import type {
  Language,
  ReaderLanguage,
  RecommendationKind,
  StakeholderGroup,
  SubscriberStatus,
  SynthesisStatus,
  SynthesisTarget,
} from './enums';
import type { ContentTranslations, MissingTranslations } from './models';

/** One group of a synthesis: a theme and/or a kind (or a free title), with its references in the organizers' order. */
export interface SynthesisSection {
  themeId?: string | null;
  kind?: RecommendationKind | null;
  /**
   * A heading of its own (else the theme and kind): written in English, the synthesis's source;
   * reads give it in the reader's language where translated, with `titleLang`.
   */
  title?: string | null;
  titleLang?: ReaderLanguage;
  /** The title in other languages (`{ es: { title } }`); staff reads of the working copy, and writes (not sent: kept). */
  translations?: ContentTranslations<'title'>;
  /** Staff reads of the working copy: the languages lacking the title (read-only). */
  missingTranslations?: MissingTranslations;
  references: string[];
}

/**
 * GET /informal-sessions/:id/synthesis (or /milestones/:id/synthesis): staff read the working
 * copy (an empty draft at version 0 before the first save), anonymous visitors the published one.
 */
export interface Synthesis {
  /** Set for a session's synthesis. */
  informalSessionId?: string;
  /** Set for a milestone's synthesis. */
  milestoneId?: string;
  /** The session's ("Informal thematic session 3: …") or milestone's title in the reader's language where translated. */
  title: string;
  /** The language the session's or milestone's own title came in (the prefix is in the server's words). */
  titleLang?: ReaderLanguage;
  /** A session's synthesis: the session's number (of the heading "Informal thematic session {number}: {title}"). */
  sessionNumber?: number;
  /**
   * The session's or milestone's own title, without the prefix, in the reader's language where
   * translated (`targetTitleLang` says which): a client writes the heading from its own words and
   * this field, and marks it with `lang` when it is not the page's language.
   */
  targetTitle: string;
  targetTitleLang: ReaderLanguage;
  /** In the reader's language where translated (`introductionLang`; docs/i18n.md), also in the PDF and DOCX. */
  introduction: string;
  introductionLang?: ReaderLanguage;
  /** Staff reads of the working copy: the introduction in other languages, and the languages lacking it. */
  translations?: ContentTranslations<'introduction'>;
  missingTranslations?: MissingTranslations;
  /** When it is due (default: 7 days before the session or milestone starts). */
  dueAt: string;
  /** Whether dueAt was set by hand (false: the default). */
  dueAtSet: boolean;
  status: SynthesisStatus;
  version: number;
  sections: SynthesisSection[];
  publishedVersion: number | null;
  publishedAt: string | null;
  /** Published and not yet published after dueAt (or still unpublished past it). */
  late: boolean;
  /** The recommendations the sections reference, by reference (published readings). */
  recommendations?: SynthesisRecommendation[];
  pdfUrl?: string;
  docxUrl?: string;
}

/** A published recommendation as a synthesis shows it. */
export interface SynthesisRecommendation {
  reference: string;
  /** In the reader's language where translated (`textLang`; docs/i18n.md), also in the PDF and DOCX (`?lang=`). */
  text: string;
  textLang?: ReaderLanguage;
  kind: RecommendationKind;
  themeIds: string[];
  addressedTo: StakeholderGroup[];
  dialogueId: string;
  dialogueTitle: string;
  dialogueStartsAt: string;
  informalSessionId: string;
  languages: Language[];
  withdrawn: boolean;
  url: string;
}

/** PUT …/synthesis: the whole working copy with the version it was read at (stale → 409). */
export interface PutSynthesisRequest {
  introduction: string;
  /** The introduction in other languages than English (`{ fr: { introduction } }`); not sent: kept. */
  translations?: ContentTranslations<'introduction'>;
  /** null: back to the default (7 days before the start). */
  dueAt?: string | null;
  sections: SynthesisSection[];
  version: number;
}

/** A due date on the process timeline and the console. */
export interface SynthesisDue {
  target: SynthesisTarget;
  /** The session's or milestone's id. */
  targetId: string;
  title: string;
  titleLang?: ReaderLanguage;
  /** The heading's parts, as in `Synthesis`: a session's number (none for a milestone)… */
  sessionNumber?: number;
  /** …and the session's or milestone's own title, in `targetTitleLang`. */
  targetTitle: string;
  targetTitleLang: ReaderLanguage;
  dueAt: string;
  /** `missing`: nothing saved yet. */
  status: SynthesisStatus | 'missing';
  late: boolean;
  publishedAt: string | null;
}

/** Someone told when a synthesis is published: kept by organizers, or self-subscribed with a confirmed address. */
export interface Subscriber {
  id: string;
  email: string;
  name: string | null;
  language: Language;
  status: SubscriberStatus;
  /** Exactly one of these three: a whole process, a session's synthesis, a milestone's synthesis. */
  processId: string | null;
  informalSessionId: string | null;
  milestoneId: string | null;
  addedBy: 'organizer' | 'self';
  createdAt: string;
  confirmedAt: string | null;
}

/** POST /processes/:id/subscribers, …/synthesis/subscribers (organizers). */
export interface AddSubscribersRequest {
  subscribers: { email: string; name?: string | null; language?: Language }[];
}

/** POST …/synthesis/subscribe (public): a confirmation link is emailed first. */
export interface SubscribeRequest {
  email: string;
  language?: Language;
}
