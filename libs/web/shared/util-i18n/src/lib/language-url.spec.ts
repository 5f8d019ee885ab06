import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, UrlSerializer, provideRouter } from '@angular/router';
import { AGENDA_ITEM_KINDS, DIALOGUE_FORMATS, PUBLIC_SHELL_WORDS, SPACE_ACCESS, SPACE_KINDS } from '@gfmd/contracts';
import { ar } from './dictionaries/ar';
import { en } from './dictionaries/en';
import { es } from './dictionaries/es';
import { fr } from './dictionaries/fr';
import { I18n } from './i18n.service';
import { provideLanguageUrls } from './language-url';
import type { TranslationKey } from './dictionaries/en';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Blank {}

describe('language URLs', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'dialogues/:id', component: Blank },
          { path: 'console', component: Blank },
        ]),
        provideLanguageUrls(),
      ],
    });
  });
  afterEach(() => document.head.querySelectorAll('link').forEach((l) => l.remove()));

  it('the words the server writes into the HTML are the dictionaries’', () => {
    const dictionaries = { en, fr, es, ar };
    // Each field of PublicShellWords and the dictionary key it copies.
    const keys: Record<string, TranslationKey> = {
      appName: 'app.name',
      dialoguesTitle: 'dialogues.title',
      dialoguesIntro: 'dialogues.intro',
      dialoguesBack: 'dialogues.back',
      sessionHeading: 'dialogues.sessionHeading',
      noSession: 'dialogues.noSession',
      dialoguesSubscribe: 'dialogues.subscribe',
      dialoguesSubscribeFile: 'dialogues.subscribeFile',
      dialoguesFilters: 'dialogues.filters',
      dialoguesTheme: 'dialogues.theme',
      dialoguesSession: 'dialogues.session',
      dialoguesSessionShort: 'dialogues.sessionShort',
      dialoguesCount: 'dialogues.count',
      dialoguesView: 'dialogues.view',
      dialoguesEmpty: 'dialogues.empty',
      all: 'common.all',
      register: 'dialogue.register',
      joinWaitlist: 'dialogue.joinWaitlist',
      language: 'shell.language',
      summary: 'dialogue.summary',
      agenda: 'dialogue.agenda',
      addToCalendar: 'dialogue.addToCalendar',
      agendaEmpty: 'agenda.empty',
      forEveryone: 'agenda.forEveryone',
      room: 'agenda.room',
      keyFacts: 'dialogue.keyFacts',
      when: 'dialogue.when',
      venue: 'dialogue.venue',
      online: 'dialogue.online',
      onlineLinkLater: 'dialogue.onlineLinkLater',
      joinOnline: 'dialogue.joinOnline',
      languages: 'dialogue.languages',
      session: 'dialogue.session',
      leadTime: 'dialogue.leadTime',
      leadUnknown: 'lead.unknown',
      leadBefore: 'lead.before',
      leadSameDay: 'lead.sameDay',
      leadAfter: 'lead.after',
      capacity: 'dialogue.capacity',
      registrationCloses: 'dialogue.registrationCloses',
      approvalNote: 'dialogue.approvalNote',
      fullNote: 'dialogue.fullNote',
      registrationClosed: 'dialogue.registrationClosed',
      spaces: 'dialogue.spaces',
      availabilityOpen: 'availability.open',
      availabilityFull: 'availability.full',
      availabilityClosed: 'availability.closed',
      availabilityNotYetOpen: 'availability.notYetOpen',
      availabilityOpensOn: 'availability.opensOn',
    };
    const labels = (d: Record<string, string>, prefix: string, values: readonly string[]) =>
      Object.fromEntries(values.map((v) => [v, d[`${prefix}.${v}`]]));
    expect(Object.keys(PUBLIC_SHELL_WORDS).sort()).toEqual(['ar', 'en', 'es', 'fr']);
    for (const [language, words] of Object.entries(PUBLIC_SHELL_WORDS)) {
      const d = dictionaries[language as keyof typeof dictionaries] as Record<string, string>;
      expect(words).toEqual({
        ...Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, d[key]])),
        formats: labels(d, 'format', DIALOGUE_FORMATS),
        agendaKinds: labels(d, 'agendaKind', AGENDA_ITEM_KINDS),
        spaceKinds: labels(d, 'spaceKind', SPACE_KINDS),
        access: labels(d, 'access', SPACE_ACCESS),
      });
    }
  });

  it('reads a URL without its language, writes a public page’s with the language on screen', async () => {
    const serializer = TestBed.inject(UrlSerializer);
    const i18n = TestBed.inject(I18n);
    expect(serializer.serialize(serializer.parse('/fr/dialogues/1?x=2'))).toBe('/en/dialogues/1?x=2');
    await i18n.use('es', { remember: false });
    expect(serializer.serialize(serializer.parse('/dialogues/1'))).toBe('/es/dialogues/1');
    expect(serializer.serialize(serializer.parse('/console'))).toBe('/console');
  });

  it('moves the page to its URL in the new language and keeps canonical and hreflang links in step', async () => {
    const router = TestBed.inject(Router);
    const location = TestBed.inject(Location);
    const i18n = TestBed.inject(I18n);
    await router.navigateByUrl('/fr/dialogues/42');
    TestBed.tick();
    expect(location.path()).toBe('/en/dialogues/42');
    await i18n.use('fr', { remember: false });
    TestBed.tick();
    expect(location.path()).toBe('/fr/dialogues/42');
    const links = Array.from(document.head.querySelectorAll('link')).map(
      (l) => `${l.rel} ${l.hreflang || '-'} ${new URL(l.href).pathname}`,
    );
    expect(links).toEqual([
      'canonical - /fr/dialogues/42',
      'alternate en /en/dialogues/42',
      'alternate fr /fr/dialogues/42',
      'alternate es /es/dialogues/42',
      'alternate ar /ar/dialogues/42',
      'alternate x-default /dialogues/42',
    ]);
    expect(document.documentElement.lang).toBe('fr');
    await i18n.use('es', { remember: false });
    TestBed.tick();
    expect(location.path()).toBe('/es/dialogues/42');
    await router.navigateByUrl('/console');
    TestBed.tick();
    expect(location.path()).toBe('/console');
    expect(document.head.querySelectorAll('link').length).toBe(0);
  });
});
