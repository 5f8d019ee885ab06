import { Directionality, type Direction } from '@angular/cdk/bidi';
import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import type { CanMatchFn } from '@angular/router';
import { LANGUAGES, type Language, type SendPreview, splitLanguagePath } from '@gfmd/contracts';
import { gmtOffsetLabel } from '@gfmd/web-shared-util-time';
import { compareNames } from './collator';
import { COUNTRY_CODES } from './countries';
import { en, type Dictionary, type PublicDictionary, type TranslationKey } from './dictionaries/en';
import type { StaffDictionary } from './dictionaries/en-staff';
import { formatMessage, type TranslationParams } from './message-format.util';

export type LabelKind =
  | 'group'
  | 'dialogueStatus'
  | 'registrationStatus'
  | 'format'
  | 'spaceKind'
  | 'access'
  | 'agendaKind'
  | 'speakerRole'
  | 'invitationStatus'
  | 'emailKind'
  | 'emailStatus'
  | 'language'
  | 'role'
  | 'auditAction'
  | 'auditEntity'
  | 'recommendationKind'
  | 'outcomeStatus'
  | 'delegateRole'
  | 'documentKind'
  | 'documentVisibility'
  | 'region'
  | 'subRegion';

export type DatePreset = 'date' | 'dateTime' | 'time' | 'day' | 'dayShort' | 'month' | 'zoned';

const DATE_PRESETS: Record<DatePreset, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'short', year: 'numeric' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit' },
  day: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  dayShort: { weekday: 'short', day: 'numeric', month: 'short' },
  month: { month: 'short', year: 'numeric' },
  // the zone follows as "GMT+1" (gmtOffsetLabel), the same in every language
  zoned: { hour: '2-digit', minute: '2-digit' },
};

const STORAGE_KEY = 'gfmd.language';

/**
 * The interface languages: the API's (`LANGUAGES` of the contracts) and Arabic, written right to
 * left. Arabic is an interface language before the contracts take it everywhere: where a request
 * needs a contract `Language`, use `contractLanguage()` (see docs/i18n.md, Arabic and right to left).
 */
export const UI_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Interface languages written right to left. */
const RTL_LANGUAGES: ReadonlySet<UiLanguage> = new Set<UiLanguage>(['ar']);

/**
 * Intl locales: British English gives 24-hour times and day-month dates, as in UN documents.
 * Arabic: Gregorian calendar and Arabic-Indic digits (٠١٢٣…), as in the UN's Arabic documents,
 * stated here rather than left to the browser's default for `ar`.
 */
const INTL_LOCALES: Record<UiLanguage, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  es: 'es-ES',
  ar: 'ar-u-ca-gregory-nu-arab',
};

/** English ships in the initial bundle; every other language is a lazy chunk of its own. */
const LOADERS: Record<UiLanguage, () => Promise<PublicDictionary>> = {
  en: () => Promise.resolve(en),
  fr: () => import('./dictionaries/fr').then((m) => m.fr),
  es: () => import('./dictionaries/es').then((m) => m.es),
  ar: () => import('./dictionaries/ar').then((m) => m.ar),
};

/** Keys of staff-only screens: lazy in every language (see docs/architecture.md, Web). */
const STAFF_LOADERS: Record<UiLanguage, () => Promise<StaffDictionary>> = {
  en: () => import('./dictionaries/en-staff').then((m) => m.enStaff),
  fr: () => import('./dictionaries/fr-staff').then((m) => m.frStaff),
  es: () => import('./dictionaries/es-staff').then((m) => m.esStaff),
  ar: () => import('./dictionaries/ar-staff').then((m) => m.arStaff),
};

/** The staff keys, known once a staff part has loaded (every language has the same keys). */
const staffKeys = new Set<string>();

/** Staff parts available without a load: only the unit tests fill it (see `../testing.ts`). */
const preloadedStaff: Partial<Record<UiLanguage, StaffDictionary>> = {};

export function preloadStaffDictionary(language: UiLanguage, dictionary: StaffDictionary | undefined): void {
  if (dictionary) {
    for (const key of Object.keys(dictionary)) staffKeys.add(key);
    preloadedStaff[language] = dictionary;
  } else {
    delete preloadedStaff[language];
  }
}

export function isTranslationKey(key: string): key is TranslationKey {
  return Object.prototype.hasOwnProperty.call(en, key) || staffKeys.has(key);
}

/**
 * `canMatch` of the staff routes (console, workspace, account): loads the staff part of the
 * dictionary before any staff page renders, so no key ever shows raw.
 */
export const staffDictionary: CanMatchFn = () =>
  inject(I18n)
    .loadStaff()
    .then(() => true);

/** One of the API's languages (`LANGUAGES`): what registrations, emails and staff accounts take. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** One of the interface languages (`UI_LANGUAGES`). */
export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** `rtl` for a language written right to left (Arabic), else `ltr`. */
export function directionOf(language: UiLanguage): Direction {
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/**
 * The interface language where a request's contract takes a `Language` (a registrant's language
 * for emails, a subscriber's, a staff account's): itself when the API accepts it, else English.
 */
export function contractLanguage(language: UiLanguage): Language {
  return isLanguage(language) ? language : 'en';
}

/** The app's language a path starts with (`/fr/dialogues/1` → 'fr'), if any. */
export function languageOfPath(pathname: string | undefined): UiLanguage | undefined {
  const language = pathname === undefined ? undefined : splitLanguagePath(pathname).language;
  return isUiLanguage(language) ? language : undefined;
}

export interface CountryOption {
  code: string;
  name: string;
}

/**
 * Runtime-switchable translations (EN/FR/ES/AR) and locale-aware formatting.
 * The public part of English ships in the initial bundle; French, Spanish and Arabic load on
 * demand, and the staff part of each language loads with `loadStaff()` (the `staffDictionary`
 * route guard). Switching to Arabic also sets `<html dir="rtl">` and the CDK `Directionality`, so
 * Material components (menus, dialogs, form fields, tabs, paginator, snack bars) mirror.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly directionality = inject(Directionality);
  private readonly dictionaries = signal<Partial<Record<UiLanguage, PublicDictionary>>>({ en });
  private readonly staffDictionaries = signal<Partial<Record<UiLanguage, StaffDictionary>>>({ ...preloadedStaff });
  private readonly pending = new Map<string, Promise<void>>();
  /** The first page's URL named its language (`/fr/…`): a page's suggestion does not override it. */
  private fromUrl = false;
  /** Set by the first loadStaff(): a language switch then loads the staff part too. */
  private staffWanted = false;
  private readonly current = signal<UiLanguage>('en');
  private readonly formatters = new Map<string, Intl.DateTimeFormat>();
  private readonly numberFormatters = new Map<string, Intl.NumberFormat>();
  private readonly regionNames = new Map<UiLanguage, Intl.DisplayNames>();

  /** The languages of the interface (the header's menu). */
  readonly languages = UI_LANGUAGES;
  readonly language = this.current.asReadonly();
  /** `rtl` while the interface is in Arabic. */
  readonly direction = computed(() => directionOf(this.current()));
  /** The interface language where the API's contract takes a `Language` (see `contractLanguage`). */
  readonly contractLanguage = computed(() => contractLanguage(this.current()));
  /** BCP 47 locale for Intl formatting */
  readonly locale = computed(() => INTL_LOCALES[this.current()]);
  /** Compares names and titles in the interface language (client-side sorts; see collator.ts). */
  readonly compareNames = computed(() => compareNames(this.locale()));
  /** The current language's keys: public, plus staff once loaded (missing keys fall back to English in t()). */
  readonly dictionary = computed<Partial<Dictionary>>(() => ({
    ...this.staffDictionaries()[this.current()],
    ...(this.dictionaries()[this.current()] ?? en),
  }));
  readonly countries = computed<CountryOption[]>(() => {
    const lang = this.current();
    const names = new Intl.DisplayNames([lang], { type: 'region' });
    const compare = compareNames(lang);
    return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
      compare(a.name, b.name),
    );
  });

  /**
   * Picks the URL's language (`/fr/dialogues/…`, see language-url.ts), else the stored one, else
   * the browser's, else English. The URL's language is not remembered: it is the page's, not a
   * choice of the reader's.
   */
  async init(): Promise<void> {
    const fromUrl = languageOfPath(this.document.location?.pathname);
    this.fromUrl = fromUrl !== undefined;
    const stored = this.readStored();
    const fromBrowser = (this.document.defaultView?.navigator.languages ?? [])
      .map((tag) => tag.slice(0, 2).toLowerCase())
      .find(isUiLanguage);
    await this.use(fromUrl ?? stored ?? fromBrowser ?? 'en', { remember: false });
  }

  /** Whether the reader chose a language themselves (the header's menu), on this device. */
  hasChosen(): boolean {
    return this.readStored() !== undefined;
  }

  /**
   * A language the page knows the reader wants (an invitation's): used unless the reader chose
   * one themselves, and not remembered, so their own later choice always wins.
   */
  async suggest(language: UiLanguage): Promise<void> {
    if (!this.hasChosen() && !this.fromUrl && language !== this.current()) {
      await this.use(language, { remember: false });
    }
  }

  /** Switches the interface; `remember` (the default: the reader's own choice) keeps it for next time. */
  async use(language: UiLanguage, { remember = true }: { remember?: boolean } = {}): Promise<void> {
    await Promise.all([this.loadPublic(language), ...(this.staffWanted ? [this.loadStaffPart(language)] : [])]);
    this.current.set(language);
    this.document.documentElement.lang = language;
    this.setDirection(directionOf(language));
    if (!remember) return;
    try {
      this.document.defaultView?.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // storage may be unavailable (private mode); the choice then lasts for this page only
    }
  }

  /** Loads the staff part of the current language (and of any language chosen later). */
  loadStaff(): Promise<void> {
    this.staffWanted = true;
    return this.loadStaffPart(this.current());
  }

  t(key: TranslationKey, params?: TranslationParams): string {
    const language = this.current();
    const message =
      (this.dictionaries()[language] as Partial<Dictionary> | undefined)?.[key] ??
      (this.staffDictionaries()[language] as Partial<Dictionary> | undefined)?.[key] ??
      (en as Partial<Dictionary>)[key] ??
      (this.staffDictionaries().en as Partial<Dictionary> | undefined)?.[key] ??
      key;
    return formatMessage(message, params, this.locale());
  }

  /** What a bulk send will do, shown before the user confirms: "This will email N people. Skipped: …". */
  sendPreview(preview: SendPreview): string {
    const skipped = Object.entries(preview.skipped)
      .filter(([, count]) => count > 0)
      .map(([reason, count]) => {
        const key = `send.skipped.${reason}`;
        return isTranslationKey(key) ? this.t(key, { count }) : `${count} ${reason}`;
      });
    return [
      this.t('send.willEmail', { count: preview.wouldSend }),
      ...(skipped.length ? [this.t('send.skippedList', { list: skipped.join('; ') })] : []),
      ...(preview.remainingToday !== undefined
        ? [this.t('send.remainingToday', { count: preview.remainingToday })]
        : []),
    ].join(' ');
  }

  /** Translated label of an enumeration value, e.g. label('group', 'civil_society'). */
  label(kind: LabelKind, value: string | null | undefined): string {
    if (value === null || value === undefined || value === '') {
      return '';
    }
    const key = `${kind}.${value}`;
    return isTranslationKey(key) ? this.t(key) : value;
  }

  formatDate(iso: string | Date | null | undefined, preset: DatePreset = 'dateTime', timeZone?: string): string {
    if (!iso) {
      return '';
    }
    const date = typeof iso === 'string' ? new Date(iso) : iso;
    if (Number.isNaN(date.getTime())) {
      return '';
    }
    const locale = this.locale();
    const cacheKey = `${locale}|${preset}|${timeZone ?? ''}`;
    let formatter = this.formatters.get(cacheKey);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat(locale, { ...DATE_PRESETS[preset], timeZone });
      this.formatters.set(cacheKey, formatter);
    }
    if (preset === 'zoned') {
      return `${formatter.format(date)} ${gmtOffsetLabel(date, timeZone ?? formatter.resolvedOptions().timeZone)}`;
    }
    return formatter.format(date);
  }

  formatNumber(value: number | null | undefined, options?: Intl.NumberFormatOptions): string {
    if (value === null || value === undefined) {
      return '';
    }
    const cacheKey = `${this.locale()}|${options ? JSON.stringify(options) : ''}`;
    let formatter = this.numberFormatters.get(cacheKey);
    if (!formatter) {
      formatter = new Intl.NumberFormat(this.locale(), options);
      this.numberFormatters.set(cacheKey, formatter);
    }
    return formatter.format(value);
  }

  countryName(code: string | null | undefined): string {
    if (!code) {
      return '';
    }
    try {
      const lang = this.current();
      let names = this.regionNames.get(lang);
      if (!names) this.regionNames.set(lang, (names = new Intl.DisplayNames([lang], { type: 'region' })));
      return names.of(code.toUpperCase()) ?? code;
    } catch {
      return code;
    }
  }

  /** `<html dir>` for the CSS (logical properties, `[dir=rtl]`) and the CDK's root `Directionality` for Material. */
  private setDirection(direction: Direction): void {
    this.document.documentElement.dir = direction;
    if (this.directionality.value !== direction) {
      this.directionality.valueSignal.set(direction);
      this.directionality.change.emit(direction);
    }
  }

  private loadPublic(language: UiLanguage): Promise<void> {
    if (this.dictionaries()[language]) return Promise.resolve();
    return this.once(`public:${language}`, async () => {
      const dictionary = await LOADERS[language]();
      this.dictionaries.update((all) => ({ ...all, [language]: dictionary }));
    });
  }

  private loadStaffPart(language: UiLanguage): Promise<void> {
    if (this.staffDictionaries()[language]) return Promise.resolve();
    return this.once(`staff:${language}`, async () => {
      const dictionary = await STAFF_LOADERS[language]();
      for (const key of Object.keys(dictionary)) staffKeys.add(key);
      this.staffDictionaries.update((all) => ({ ...all, [language]: dictionary }));
    });
  }

  /** One load per part at a time; a failed load may be retried. */
  private once(id: string, load: () => Promise<void>): Promise<void> {
    let promise = this.pending.get(id);
    if (!promise) {
      promise = load().finally(() => this.pending.delete(id));
      this.pending.set(id, promise);
    }
    return promise;
  }

  private readStored(): UiLanguage | undefined {
    try {
      const value = this.document.defaultView?.localStorage.getItem(STORAGE_KEY);
      return isUiLanguage(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }
}
