import type {
  AgendaItem,
  AgendaView,
  Dialogue,
  InformalSession,
  Page,
  Registration,
  Space,
  Theme,
} from '@gfmd/contracts';

/** Test data factories: `XFactory.create(overrides)`. */
let seq = 0;
const next = (prefix: string): string => `${prefix}-${++seq}`;

export const ThemeFactory = {
  create: (overrides: Partial<Theme> = {}): Theme => ({
    id: next('theme'),
    code: 'T1',
    title: 'Human rights',
    ...overrides,
  }),
};

export const SessionFactory = {
  create: (overrides: Partial<InformalSession> = {}): InformalSession => ({
    id: next('session'),
    processId: 'process-gcm',
    number: 1,
    title: 'Human rights of all migrants',
    themeId: 'theme-x',
    startsAt: '2017-05-08T08:00:00Z',
    endsAt: '2017-05-09T16:00:00Z',
    venue: 'Geneva',
    timeZone: 'Europe/Zurich',
    ...overrides,
  }),
};

export const DialogueFactory = {
  create: (overrides: Partial<Dialogue> = {}): Dialogue => ({
    id: next('dialogue'),
    title: 'Dialogue on human rights',
    summary: 'A summary',
    informalSessionId: 'session-x',
    themeIds: [],
    startsAt: '2017-04-20T07:00:00Z',
    endsAt: '2017-04-21T16:00:00Z',
    timeZone: 'Europe/Zurich',
    venue: 'Palais des Nations',
    format: 'hybrid',
    onlineUrl: null,
    capacity: 100,
    registrationOpensAt: null,
    registrationClosesAt: null,
    approvalRequired: false,
    stakeholderQuotas: null,
    languages: ['en', 'fr', 'es'],
    status: 'published',
    leadTimeDays: 17,
    schedulingWarnings: [],
    ...overrides,
  }),
};

export const SpaceFactory = {
  create: (overrides: Partial<Space> = {}): Space => ({
    id: next('space'),
    dialogueId: 'dialogue-x',
    name: 'Plenary',
    kind: 'plenary',
    coordinatorUserIds: [],
    access: 'open',
    ...overrides,
  }),
};

export const AgendaItemFactory = {
  create: (overrides: Partial<AgendaItem> = {}): AgendaItem => ({
    id: next('item'),
    dialogueId: 'dialogue-x',
    spaceId: null,
    title: 'Opening',
    kind: 'opening',
    startsAt: '2017-04-20T07:00:00Z',
    endsAt: '2017-04-20T08:00:00Z',
    room: 'Room XIX',
    speakers: [],
    ...overrides,
  }),
};

export const RegistrationFactory = {
  create: (overrides: Partial<Registration> = {}): Registration => ({
    id: next('registration'),
    dialogueId: 'dialogue-x',
    email: 'amina@example.org',
    firstName: 'Amina',
    lastName: 'Diallo',
    organization: 'Migrant Forum',
    stakeholderGroup: 'civil_society',
    country: 'SN',
    preferredLanguage: 'fr',
    status: 'confirmed',
    spaces: [],
    createdAt: '2017-04-01T10:00:00Z',
    ...overrides,
  }),
};

/** GET /dialogues/:id/agenda: the agenda view around the given items (local times left in UTC). */
export const AgendaViewFactory = {
  create: (items: AgendaItem[] = [], overrides: Partial<AgendaView> = {}): AgendaView => ({
    dialogueId: 'dialogue-x',
    title: 'Dialogue on cooperation',
    timeZone: 'UTC',
    venue: 'Palais des Nations',
    startsAt: '2017-04-20T07:00:00Z',
    endsAt: '2017-04-21T17:00:00Z',
    spaceId: null,
    items: items.map((item) => ({ ...item, spaceName: null, startsAtLocal: item.startsAt, endsAtLocal: item.endsAt })),
    ...overrides,
  }),
};

/** One page holding every item, as the API's list endpoints answer. */
export const PageFactory = {
  create: <T>(items: T[]): Page<T> => ({ items, total: items.length, page: 1, pageSize: 100 }),
};
