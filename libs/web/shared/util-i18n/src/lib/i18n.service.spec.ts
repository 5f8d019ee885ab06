import { Directionality } from '@angular/cdk/bidi';
import { TestBed } from '@angular/core/testing';
import {
  AGENDA_ITEM_KINDS,
  DIALOGUE_FORMATS,
  DIALOGUE_STATUSES,
  EMAIL_KINDS,
  EMAIL_STATUSES,
  INVITATION_STATUSES,
  LANGUAGES,
  REGISTRATION_STATUSES,
  ROLES,
  SPACE_ACCESS,
  SPACE_KINDS,
  SPEAKER_ROLES,
  STAKEHOLDER_GROUPS,
} from '@gfmd/contracts';
import { en } from './dictionaries/en';
import { es } from './dictionaries/es';
import { fr } from './dictionaries/fr';
import { I18n, contractLanguage, isTranslationKey, staffDictionary } from './i18n.service';
import { clearPreloadedStaffDictionaries, preloadStaffDictionaries } from '../testing';

describe(I18n.name, () => {
  let sut: I18n;

  beforeEach(() => {
    localStorage.clear();
    sut = TestBed.inject(I18n);
  });

  it('says how many people a bulk send will email, and why others are skipped', async () => {
    expect(sut.sendPreview({ wouldSend: 3, skipped: { alreadyInvited: 1, duplicateInRequest: 0 } })).toBe(
      'This will email 3 people. Skipped: 1 already invited.',
    );
    expect(sut.sendPreview({ wouldSend: 1, skipped: { addressNotConfirmed: 2 }, remainingToday: 4 })).toBe(
      'This will email 1 person. Skipped: 2 whose address is not confirmed yet (they have not opened their manage link). 4 messages left today for this space.',
    );
    await sut.use('fr');
    expect(sut.sendPreview({ wouldSend: 0, skipped: {} })).toBe('Personne ne recevra de courriel.');
  });

  it("speaks an invitation's language unless the reader chose one, and does not remember it", async () => {
    await sut.init();
    await sut.suggest('fr');
    expect(sut.language()).toBe('fr');
    expect(sut.hasChosen()).toBe(false);
    expect(localStorage.length).toBe(0);

    await sut.use('es');
    expect(sut.hasChosen()).toBe(true);
    await sut.suggest('fr');
    expect(sut.language()).toBe('es');
  });

  it('starts in English', () => {
    expect(sut.language()).toBe('en');
    expect(sut.t('nav.dialogues')).toBe('Dialogues');
  });

  it('switches language at runtime and remembers it', async () => {
    await sut.use('fr');

    expect(sut.t('shell.login')).toBe('Se connecter');
    expect(document.documentElement.lang).toBe('fr');
    expect(localStorage.getItem('gfmd.language')).toBe('fr');

    await sut.use('es');
    expect(sut.t('shell.login')).toBe('Iniciar sesión');
  });

  it('writes Arabic right to left: <html lang="ar" dir="rtl"> and the CDK Directionality, back to ltr after', async () => {
    const directionality = TestBed.inject(Directionality);
    const changes: string[] = [];
    directionality.change.subscribe((d) => changes.push(d));

    await sut.use('ar');

    expect(sut.t('shell.login')).toBe('تسجيل الدخول');
    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(sut.direction()).toBe('rtl');
    expect(directionality.value).toBe('rtl');
    expect(localStorage.getItem('gfmd.language')).toBe('ar');

    await sut.use('fr');
    expect(document.documentElement.dir).toBe('ltr');
    expect(directionality.value).toBe('ltr');
    expect(changes).toEqual(['rtl', 'ltr']);
  });

  it('formats Arabic dates and numbers with Arabic-Indic digits and the Gregorian calendar', async () => {
    await sut.use('ar');
    expect(sut.locale()).toBe('ar-u-ca-gregory-nu-arab');
    expect(sut.formatNumber(1234)).toBe('١٬٢٣٤');
    expect(sut.t('common.days', { count: 3 })).toBe('٣ أيام');
    expect(sut.t('common.days', { count: 2 })).toBe('يومان');
    expect(sut.t('common.days', { count: 14 })).toBe('١٤ يومًا');
    const date = sut.formatDate('2027-03-09T10:00:00Z', 'date', 'UTC');
    expect(date).toContain('٢٠٢٧');
    expect(date).toContain('مارس');
    expect(date).not.toMatch(/[0-9]/);
  });

  it('sends the interface language where the API takes it, else English (Arabic until the contracts list it)', async () => {
    expect(contractLanguage('fr')).toBe('fr');
    await sut.use('ar');
    expect(sut.contractLanguage()).toBe(LANGUAGES.includes('ar' as never) ? 'ar' : 'en');
  });

  it('restores Arabic, stored, on init', async () => {
    localStorage.setItem('gfmd.language', 'ar');
    await sut.init();
    expect(sut.language()).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    await sut.use('en');
  });

  it('restores the stored language on init', async () => {
    localStorage.setItem('gfmd.language', 'es');

    await sut.init();

    expect(sut.language()).toBe('es');
  });

  it('labels enumeration values and falls back to the raw value', async () => {
    await sut.use('fr');

    expect(sut.label('group', 'civil_society')).toBe('Société civile');
    expect(sut.label('group', 'unknown_group')).toBe('unknown_group');
  });

  it('has a label for every shared enumeration value', () => {
    const keys = [
      ...STAKEHOLDER_GROUPS.map((v) => `group.${v}`),
      ...REGISTRATION_STATUSES.map((v) => `registrationStatus.${v}`),
      ...SPACE_ACCESS.map((v) => `access.${v}`),
      ...AGENDA_ITEM_KINDS.map((v) => `agendaKind.${v}`),
      ...DIALOGUE_FORMATS.map((v) => `format.${v}`),
      ...DIALOGUE_STATUSES.map((v) => `dialogueStatus.${v}`),
      ...EMAIL_KINDS.map((v) => `emailKind.${v}`),
      ...EMAIL_STATUSES.map((v) => `emailStatus.${v}`),
      ...INVITATION_STATUSES.map((v) => `invitationStatus.${v}`),
      ...LANGUAGES.map((v) => `language.${v}`),
      ...ROLES.map((v) => `role.${v}`),
      ...SPACE_KINDS.map((v) => `spaceKind.${v}`),
      ...SPEAKER_ROLES.map((v) => `speakerRole.${v}`),
    ];
    expect(keys.filter((key) => !isTranslationKey(key))).toEqual([]);
  });

  it('has the same keys in every dictionary', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('formats dates in the chosen language and time zone', async () => {
    const iso = '2017-05-08T07:30:00Z';
    expect(sut.formatDate(iso, 'time', 'Europe/Zurich')).toBe('09:30');

    await sut.use('fr');
    expect(sut.formatDate(iso, 'day', 'Europe/Zurich')).toBe('lundi 8 mai 2017');
  });

  it('names the zone of a time the same way in every language ("GMT+1", never "CET" or "UTC+1")', async () => {
    const winter = '2030-01-10T09:00:00Z';
    expect(sut.formatDate(winter, 'zoned', 'Europe/Zurich')).toBe('10:00 GMT+1');
    expect(sut.formatDate(winter, 'zoned', 'America/New_York')).toBe('04:00 GMT-5');
    expect(sut.formatDate(winter, 'zoned', 'Asia/Kolkata')).toBe('14:30 GMT+5:30');
    expect(sut.formatDate(winter, 'zoned', 'UTC')).toBe('09:00 GMT');
    await sut.use('fr');
    expect(sut.formatDate(winter, 'zoned', 'Europe/Zurich')).toBe('10:00 GMT+1');
    await sut.use('es');
    expect(sut.formatDate('2030-07-10T09:00:00Z', 'zoned', 'Europe/Zurich')).toBe('11:00 GMT+2');
  });

  it('names countries with Intl.DisplayNames', async () => {
    expect(sut.countryName('de')).toBe('Germany');
    await sut.use('es');
    expect(sut.countryName('DE')).toBe('Alemania');
    expect(sut.countries().length).toBeGreaterThan(240);
  });
});

describe(`${I18n.name}, staff part`, () => {
  let sut: I18n;

  beforeEach(() => {
    localStorage.clear();
    clearPreloadedStaffDictionaries();
    sut = TestBed.inject(I18n);
  });

  afterEach(() => preloadStaffDictionaries());

  it('is not loaded until a staff route asks for it, then is', async () => {
    expect(sut.t('console.title')).toBe('console.title');

    await sut.loadStaff();

    expect(sut.t('console.title')).toBe('Organizer console');
    expect(sut.t('nav.dialogues')).toBe('Dialogues');
  });

  it("is loaded by the staff routes' guard before the page renders", async () => {
    const matched = await TestBed.runInInjectionContext(() => staffDictionary({}, []));

    expect(matched).toBe(true);
    expect(sut.t('console.title')).toBe('Organizer console');
  });

  it('is loaded with the public part when the language changes on a staff page', async () => {
    await sut.loadStaff();

    await sut.use('fr');

    expect(sut.t('console.title')).toBe("Console d'organisation");
    expect(sut.t('shell.login')).toBe('Se connecter');
    await sut.use('es');
    expect(sut.t('console.title')).toBe('Consola de organización');
  });

  it('stays unloaded on a language change while no staff page was opened', async () => {
    await sut.use('fr');

    expect(sut.t('shell.login')).toBe('Se connecter');
    expect(sut.t('console.title')).toBe('console.title');
    await sut.loadStaff();
    expect(sut.t('console.title')).toBe("Console d'organisation");
  });

  it('loads each part once even when asked twice at the same time', async () => {
    await Promise.all([sut.loadStaff(), sut.loadStaff(), sut.use('es'), sut.use('es')]);

    expect(sut.t('console.title')).toBe('Consola de organización');
  });

  it('falls back to the English text of a key the current language lacks', async () => {
    await sut.use('fr');
    await sut.loadStaff();
    const french = (sut as unknown as { dictionaries: () => Record<string, Record<string, string>> }).dictionaries();
    const kept = french['fr']['shell.login'];
    delete french['fr']['shell.login'];
    try {
      expect(sut.t('shell.login')).toBe('Sign in');
    } finally {
      french['fr']['shell.login'] = kept;
    }
  });
});
