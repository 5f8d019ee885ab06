import type { AgendaItemKind, DialogueFormat, SpaceAccess, SpaceKind } from './enums';
import type { UrlLanguage } from './web-urls';

/**
 * The words of the public pages that the server writes into the HTML before the app starts (the
 * dialogue list's top; the whole public dialogue page: its headings, key facts, agenda and
 * spaces). They must equal the web dictionaries' (`app.name`, `dialogues.title`,
 * `dialogue.summary`, `availability.open`, `format.*`, `agendaKind.*`, `spaceKind.*`,
 * `access.*`… each field names its key below): a unit test of the web's i18n library compares
 * them (language-url.spec.ts). Messages with `{…}` are the dictionaries' ICU subset, filled with
 * formatMessage. A language missing here uses English.
 */
export interface PublicShellWords {
  /** app.name */
  appName: string;
  /** dialogues.title */
  dialoguesTitle: string;
  /** dialogues.intro */
  dialoguesIntro: string;
  /** dialogues.back */
  dialoguesBack: string;
  /** dialogues.sessionHeading: `{number}` and `{title}` of the session. */
  sessionHeading: string;
  /** dialogues.noSession */
  noSession: string;
  /** dialogues.subscribe: the link to the calendar feed of the list. */
  dialoguesSubscribe: string;
  /** dialogues.subscribeFile */
  dialoguesSubscribeFile: string;
  /** dialogues.filters: the list's filter form. */
  dialoguesFilters: string;
  /** dialogues.theme */
  dialoguesTheme: string;
  /** dialogues.session */
  dialoguesSession: string;
  /** dialogues.sessionShort: `{number}`. */
  dialoguesSessionShort: string;
  /** dialogues.count: `{count}` dialogues shown. */
  dialoguesCount: string;
  /** dialogues.view: each card's link. */
  dialoguesView: string;
  /** dialogues.empty */
  dialoguesEmpty: string;
  /** common.all */
  all: string;
  /** dialogue.register */
  register: string;
  /** dialogue.joinWaitlist */
  joinWaitlist: string;
  /** shell.language: the name of the language links' navigation. */
  language: string;
  /** dialogue.summary */
  summary: string;
  /** dialogue.agenda */
  agenda: string;
  /** dialogue.addToCalendar */
  addToCalendar: string;
  /** agenda.empty */
  agendaEmpty: string;
  /** agenda.forEveryone */
  forEveryone: string;
  /** agenda.room */
  room: string;
  /** dialogue.keyFacts */
  keyFacts: string;
  /** dialogue.when */
  when: string;
  /** dialogue.venue */
  venue: string;
  /** dialogue.online */
  online: string;
  /** dialogue.onlineLinkLater */
  onlineLinkLater: string;
  /** dialogue.joinOnline */
  joinOnline: string;
  /** dialogue.languages */
  languages: string;
  /** dialogue.session */
  session: string;
  /** dialogue.leadTime */
  leadTime: string;
  /** lead.unknown */
  leadUnknown: string;
  /** lead.before: `{count}` days. */
  leadBefore: string;
  /** lead.sameDay */
  leadSameDay: string;
  /** lead.after: `{count}` days. */
  leadAfter: string;
  /** dialogue.capacity */
  capacity: string;
  /** dialogue.registrationCloses */
  registrationCloses: string;
  /** dialogue.approvalNote */
  approvalNote: string;
  /** dialogue.fullNote */
  fullNote: string;
  /** dialogue.registrationClosed */
  registrationClosed: string;
  /** dialogue.spaces */
  spaces: string;
  /** availability.open: `{count}` places left. */
  availabilityOpen: string;
  /** availability.full */
  availabilityFull: string;
  /** availability.closed */
  availabilityClosed: string;
  /** availability.notYetOpen */
  availabilityNotYetOpen: string;
  /** availability.opensOn: `{when}`, a date. */
  availabilityOpensOn: string;
  /** format.* */
  formats: Record<DialogueFormat, string>;
  /** agendaKind.* */
  agendaKinds: Record<AgendaItemKind, string>;
  /** spaceKind.* */
  spaceKinds: Record<SpaceKind, string>;
  /** access.* */
  access: Record<SpaceAccess, string>;
}

export const PUBLIC_SHELL_WORDS: Partial<Record<UrlLanguage, PublicShellWords>> & { en: PublicShellWords } = {
  en: {
    appName: 'GFMD Dialogues',
    dialoguesTitle: 'Thematic dialogues',
    dialoguesIntro:
      'GFMD thematic dialogues feed multi-stakeholder views into each informal thematic session of the Global Compact for Migration process. Choose a dialogue to see its agenda and register.',
    dialoguesBack: 'All dialogues',
    sessionHeading: 'Informal thematic session {number}: {title}',
    noSession: 'Other dialogues',
    dialoguesSubscribe: 'Subscribe to the calendar of dialogues',
    dialoguesSubscribeFile: 'download it (.ics)',
    dialoguesFilters: 'Filter dialogues',
    dialoguesTheme: 'Theme',
    dialoguesSession: 'Informal session',
    dialoguesSessionShort: 'Session {number}',
    dialoguesCount: '{count, plural, =0 {No dialogue matches} one {# dialogue shown} other {# dialogues shown}}',
    dialoguesView: 'Agenda and registration',
    dialoguesEmpty: 'No dialogue is open to the public yet.',
    all: 'All',
    register: 'Register',
    joinWaitlist: 'Join the waiting list',
    language: 'Language',
    summary: 'About this dialogue',
    agenda: 'Agenda',
    addToCalendar: 'Add to calendar (.ics)',
    agendaEmpty: 'The agenda has not been published yet.',
    forEveryone: 'All participants',
    room: 'Room',
    keyFacts: 'Key facts',
    when: 'When',
    venue: 'Venue',
    online: 'Online',
    onlineLinkLater: 'The link will be sent to registered participants.',
    joinOnline: 'Online participation link',
    languages: 'Languages',
    session: 'Ahead of',
    leadTime: 'Lead time',
    leadUnknown: 'Lead time not known',
    leadBefore: '{count, plural, one {# day} other {# days}} before the informal session',
    leadSameDay: 'Ends the day the informal session starts',
    leadAfter: '{count, plural, one {# day} other {# days}} after the informal session starts',
    capacity: 'Places',
    registrationCloses: 'Registration closes',
    approvalNote: 'Registrations are confirmed by the organizers.',
    fullNote:
      'All places are taken. If a place frees up, people on the waiting list are confirmed in order of arrival and told by email.',
    registrationClosed: 'Registration is not open for this dialogue.',
    spaces: 'Spaces',
    availabilityOpen: '{count, plural, =0 {No place left} one {# place left} other {# places left}}',
    availabilityFull: 'Full — join the waiting list',
    availabilityClosed: 'Registration closed',
    availabilityNotYetOpen: 'Registration not open yet',
    availabilityOpensOn: 'Registration opens {when}',
    formats: { in_person: 'In person', hybrid: 'Hybrid', online: 'Online' },
    agendaKinds: {
      opening: 'Opening',
      plenary: 'Plenary',
      panel: 'Panel',
      roundtable: 'Roundtable',
      working_group: 'Working group',
      side_event: 'Side event',
      break: 'Break',
      reception: 'Reception',
      closing: 'Closing',
      other: 'Other',
    },
    spaceKinds: {
      plenary: 'Plenary',
      common_space: 'Common space',
      civil_society: 'Civil society space',
      business: 'Business space',
      government: 'Government space',
      side_event: 'Side event',
    },
    access: {
      open: 'Open to all participants',
      group_only: 'Only for some stakeholder groups',
      approval: 'Places confirmed by the coordinators',
      invitation_only: 'By invitation only',
    },
  },
  fr: {
    appName: 'Dialogues du FMMD',
    dialoguesTitle: 'Dialogues thématiques',
    dialoguesIntro:
      'Les dialogues thématiques du FMMD apportent les points de vue de toutes les parties prenantes à chaque session thématique informelle du processus du Pacte mondial sur les migrations. Choisissez un dialogue pour voir son ordre du jour et vous inscrire.',
    dialoguesBack: 'Tous les dialogues',
    sessionHeading: 'Session thématique informelle {number} : {title}',
    noSession: 'Autres dialogues',
    dialoguesSubscribe: 'S’abonner au calendrier des dialogues',
    dialoguesSubscribeFile: 'le télécharger (.ics)',
    dialoguesFilters: 'Filtrer les dialogues',
    dialoguesTheme: 'Thème',
    dialoguesSession: 'Session informelle',
    dialoguesSessionShort: 'Session {number}',
    dialoguesCount:
      '{count, plural, =0 {Aucun dialogue ne correspond} one {# dialogue affiché} other {# dialogues affichés}}',
    dialoguesView: 'Ordre du jour et inscription',
    dialoguesEmpty: "Aucun dialogue n'est encore ouvert au public.",
    all: 'Tous',
    register: "S'inscrire",
    joinWaitlist: "Rejoindre la liste d'attente",
    language: 'Langue',
    summary: 'À propos de ce dialogue',
    agenda: 'Ordre du jour',
    addToCalendar: 'Ajouter au calendrier (.ics)',
    agendaEmpty: "L'ordre du jour n'a pas encore été publié.",
    forEveryone: 'Tous les participants',
    room: 'Salle',
    keyFacts: "L'essentiel",
    when: 'Quand',
    venue: 'Lieu',
    online: 'En ligne',
    onlineLinkLater: 'Le lien sera envoyé aux participants inscrits.',
    joinOnline: 'Lien de participation en ligne',
    languages: 'Langues',
    session: 'En amont de',
    leadTime: 'Délai',
    leadUnknown: 'Délai inconnu',
    leadBefore: '{count, plural, one {# jour} other {# jours}} avant la session informelle',
    leadSameDay: 'Se termine le jour où commence la session informelle',
    leadAfter: '{count, plural, one {# jour} other {# jours}} après le début de la session informelle',
    capacity: 'Places',
    registrationCloses: 'Clôture des inscriptions',
    approvalNote: 'Les inscriptions sont confirmées par les organisateurs.',
    fullNote:
      "Toutes les places sont prises. Si une place se libère, les personnes en liste d'attente sont confirmées dans l'ordre d'arrivée et prévenues par courriel.",
    registrationClosed: 'Les inscriptions ne sont pas ouvertes pour ce dialogue.',
    spaces: 'Espaces',
    availabilityOpen: '{count, plural, =0 {Plus aucune place} one {# place restante} other {# places restantes}}',
    availabilityFull: "Complet — inscrivez-vous sur la liste d'attente",
    availabilityClosed: 'Inscriptions closes',
    availabilityNotYetOpen: 'Inscriptions pas encore ouvertes',
    availabilityOpensOn: 'Ouverture des inscriptions le {when}',
    formats: { in_person: 'En présentiel', hybrid: 'Hybride', online: 'En ligne' },
    agendaKinds: {
      opening: 'Ouverture',
      plenary: 'Plénière',
      panel: 'Table ronde d’experts',
      roundtable: 'Table ronde',
      working_group: 'Groupe de travail',
      side_event: 'Événement parallèle',
      break: 'Pause',
      reception: 'Réception',
      closing: 'Clôture',
      other: 'Autre',
    },
    spaceKinds: {
      plenary: 'Plénière',
      common_space: 'Espace commun',
      civil_society: 'Espace de la société civile',
      business: 'Espace des entreprises',
      government: 'Espace gouvernemental',
      side_event: 'Événement parallèle',
    },
    access: {
      open: 'Ouvert à tous les participants',
      group_only: "Réservé à certains groupes d'acteurs",
      approval: 'Places confirmées par les coordinateurs',
      invitation_only: 'Sur invitation uniquement',
    },
  },
  es: {
    appName: 'Diálogos del FMMD',
    dialoguesTitle: 'Diálogos temáticos',
    dialoguesIntro:
      'Los diálogos temáticos del FMMD aportan las opiniones de todas las partes interesadas a cada sesión temática informal del proceso del Pacto Mundial para la Migración. Elija un diálogo para ver su agenda e inscribirse.',
    dialoguesBack: 'Todos los diálogos',
    sessionHeading: 'Sesión temática informal {number}: {title}',
    noSession: 'Otros diálogos',
    dialoguesSubscribe: 'Suscribirse al calendario de diálogos',
    dialoguesSubscribeFile: 'descargarlo (.ics)',
    dialoguesFilters: 'Filtrar diálogos',
    dialoguesTheme: 'Tema',
    dialoguesSession: 'Sesión informal',
    dialoguesSessionShort: 'Sesión {number}',
    dialoguesCount:
      '{count, plural, =0 {Ningún diálogo coincide} one {# diálogo mostrado} other {# diálogos mostrados}}',
    dialoguesView: 'Agenda e inscripción',
    dialoguesEmpty: 'Todavía no hay ningún diálogo abierto al público.',
    all: 'Todos',
    register: 'Inscribirse',
    joinWaitlist: 'Unirse a la lista de espera',
    language: 'Idioma',
    summary: 'Acerca de este diálogo',
    agenda: 'Agenda',
    addToCalendar: 'Añadir al calendario (.ics)',
    agendaEmpty: 'La agenda aún no se ha publicado.',
    forEveryone: 'Todos los participantes',
    room: 'Sala',
    keyFacts: 'Datos clave',
    when: 'Cuándo',
    venue: 'Sede',
    online: 'En línea',
    onlineLinkLater: 'El enlace se enviará a los participantes inscritos.',
    joinOnline: 'Enlace de participación en línea',
    languages: 'Idiomas',
    session: 'Antes de',
    leadTime: 'Antelación',
    leadUnknown: 'Antelación desconocida',
    leadBefore: '{count, plural, one {# día} other {# días}} antes de la sesión informal',
    leadSameDay: 'Termina el día en que empieza la sesión informal',
    leadAfter: '{count, plural, one {# día} other {# días}} después del inicio de la sesión informal',
    capacity: 'Plazas',
    registrationCloses: 'Cierre de la inscripción',
    approvalNote: 'Las inscripciones son confirmadas por los organizadores.',
    fullNote:
      'Todas las plazas están ocupadas. Si se libera una plaza, las personas en la lista de espera se confirman por orden de llegada y se les avisa por correo.',
    registrationClosed: 'La inscripción no está abierta para este diálogo.',
    spaces: 'Espacios',
    availabilityOpen: '{count, plural, =0 {No quedan plazas} one {Queda # plaza} other {Quedan # plazas}}',
    availabilityFull: 'Completo: inscríbase en la lista de espera',
    availabilityClosed: 'Inscripción cerrada',
    availabilityNotYetOpen: 'La inscripción aún no está abierta',
    availabilityOpensOn: 'La inscripción se abre el {when}',
    formats: { in_person: 'Presencial', hybrid: 'Híbrido', online: 'En línea' },
    agendaKinds: {
      opening: 'Apertura',
      plenary: 'Plenario',
      panel: 'Panel',
      roundtable: 'Mesa redonda',
      working_group: 'Grupo de trabajo',
      side_event: 'Evento paralelo',
      break: 'Pausa',
      reception: 'Recepción',
      closing: 'Clausura',
      other: 'Otro',
    },
    spaceKinds: {
      plenary: 'Plenario',
      common_space: 'Espacio común',
      civil_society: 'Espacio de la sociedad civil',
      business: 'Espacio empresarial',
      government: 'Espacio gubernamental',
      side_event: 'Evento paralelo',
    },
    access: {
      open: 'Abierto a todos los participantes',
      group_only: 'Solo para algunos grupos de interesados',
      approval: 'Plazas confirmadas por los coordinadores',
      invitation_only: 'Solo por invitación',
    },
  },
  ar: {
    appName: 'حوارات المنتدى العالمي',
    dialoguesTitle: 'الحوارات المواضيعية',
    dialoguesIntro:
      'تنقل الحوارات المواضيعية للمنتدى العالمي المعني بالهجرة والتنمية آراء أصحاب المصلحة المتعددين إلى كل جلسة مواضيعية غير رسمية من عملية الاتفاق العالمي من أجل الهجرة. اختر حوارًا للاطلاع على جدول أعماله والتسجيل فيه.',
    dialoguesBack: 'جميع الحوارات',
    sessionHeading: 'الجلسة المواضيعية غير الرسمية {number}: {title}',
    noSession: 'حوارات أخرى',
    dialoguesSubscribe: 'الاشتراك في تقويم الحوارات',
    dialoguesSubscribeFile: 'تنزيله (ملف ICS)',
    dialoguesFilters: 'تصفية الحوارات',
    dialoguesTheme: 'الموضوع',
    dialoguesSession: 'الجلسة غير الرسمية',
    dialoguesSessionShort: 'الجلسة {number}',
    dialoguesCount:
      '{count, plural, =0 {لا يوجد حوار مطابق} one {يُعرض حوار واحد} two {يُعرض حواران} few {يُعرض # حوارات} many {يُعرض # حوارًا} other {يُعرض # حوار}}',
    dialoguesView: 'جدول الأعمال والتسجيل',
    dialoguesEmpty: 'لا يوجد حتى الآن أي حوار مفتوح للجمهور.',
    all: 'الكل',
    register: 'التسجيل',
    joinWaitlist: 'الانضمام إلى قائمة الانتظار',
    language: 'اللغة',
    summary: 'عن هذا الحوار',
    agenda: 'جدول الأعمال',
    addToCalendar: 'إضافة إلى التقويم (ملف ICS)',
    agendaEmpty: 'لم يُنشر جدول الأعمال بعد.',
    forEveryone: 'جميع المشاركين',
    room: 'القاعة',
    keyFacts: 'معلومات أساسية',
    when: 'الموعد',
    venue: 'مكان الانعقاد',
    online: 'عبر الإنترنت',
    onlineLinkLater: 'سيُرسل الرابط إلى المشاركين المسجَّلين.',
    joinOnline: 'رابط المشاركة عبر الإنترنت',
    languages: 'اللغات',
    session: 'قبل',
    leadTime: 'المهلة',
    leadUnknown: 'المهلة غير معروفة',
    leadBefore:
      'قبل الجلسة غير الرسمية بـ{count, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}',
    leadSameDay: 'ينتهي في يوم بدء الجلسة غير الرسمية',
    leadAfter:
      'بعد بدء الجلسة غير الرسمية بـ{count, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}',
    capacity: 'الأماكن',
    registrationCloses: 'يُغلق التسجيل',
    approvalNote: 'يؤكد المنظِّمون التسجيلات.',
    fullNote:
      'جميع الأماكن محجوزة. إذا شغر مكان، يُؤكَّد تسجيل المدرجين في قائمة الانتظار بحسب ترتيب وصولهم ويُخطَرون بالبريد الإلكتروني.',
    registrationClosed: 'التسجيل غير مفتوح لهذا الحوار.',
    spaces: 'الفضاءات',
    availabilityOpen:
      '{count, plural, =0 {لم يبقَ أي مكان} one {بقي مكان واحد} two {بقي مكانان} few {بقيت # أماكن} many {بقي # مكانًا} other {بقي # مكان}}',
    availabilityFull: 'مكتمل — انضم إلى قائمة الانتظار',
    availabilityClosed: 'التسجيل مغلق',
    availabilityNotYetOpen: 'لم يُفتح التسجيل بعد',
    availabilityOpensOn: 'يُفتح التسجيل {when}',
    formats: { in_person: 'حضوري', hybrid: 'مختلط', online: 'عبر الإنترنت' },
    agendaKinds: {
      opening: 'الافتتاح',
      plenary: 'جلسة عامة',
      panel: 'حلقة نقاش',
      roundtable: 'مائدة مستديرة',
      working_group: 'فريق عامل',
      side_event: 'حدث جانبي',
      break: 'استراحة',
      reception: 'حفل استقبال',
      closing: 'الاختتام',
      other: 'أخرى',
    },
    spaceKinds: {
      plenary: 'الجلسة العامة',
      common_space: 'الفضاء المشترك',
      civil_society: 'فضاء المجتمع المدني',
      business: 'فضاء قطاع الأعمال',
      government: 'الفضاء الحكومي',
      side_event: 'حدث جانبي',
    },
    access: {
      open: 'مفتوح لجميع المشاركين',
      group_only: 'لبعض فئات أصحاب المصلحة فقط',
      approval: 'يؤكد المنسّقون الأماكن',
      invitation_only: 'بدعوة فقط',
    },
  },
};
