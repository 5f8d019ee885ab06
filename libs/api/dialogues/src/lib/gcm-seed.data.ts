import type { FieldTranslations, MilestoneKind, PhaseKind } from '@gfmd/contracts';

/**
 * The six themes and informal thematic sessions of the Global Compact for Migration (2017),
 * with their French and Spanish titles as in the French and Spanish versions of General Assembly
 * resolution 71/280 (modalities of the negotiations, annex, para. 2): a theme and its session
 * share their title.
 */
export const GCM_SESSIONS = [
  {
    number: 1,
    code: 'T1',
    title:
      'Human rights of all migrants, social inclusion, cohesion, and all forms of discrimination, including racism, xenophobia and intolerance',
    translations: {
      fr: {
        title:
          "Droits de l'homme de tous les migrants, inclusion sociale, cohésion et toutes les formes de discrimination, y compris le racisme, la xénophobie et l'intolérance",
      },
      es: {
        title:
          'Los derechos humanos de todos los migrantes, la inclusión social, la cohesión y todas las formas de discriminación, incluidos el racismo, la xenofobia y la intolerancia',
      },
    },
    starts: '2017-05-08T10:00',
    ends: '2017-05-09T18:00',
    venue: 'Geneva, Palais des Nations',
    timeZone: 'Europe/Zurich',
  },
  {
    number: 2,
    code: 'T2',
    title:
      'Addressing drivers of migration, including adverse effects of climate change, natural disasters and human-made crises, through protection and assistance, sustainable development, poverty eradication, conflict prevention and resolution',
    translations: {
      fr: {
        title:
          "Facteurs de migration, notamment les effets néfastes des changements climatiques, les catastrophes naturelles et les crises d'origine humaine, par la protection et l'assistance, le développement durable, l'élimination de la pauvreté, la prévention et le règlement des conflits",
      },
      es: {
        title:
          'Los factores que impulsan la migración, incluidos los efectos adversos del cambio climático, los desastres naturales y las crisis causadas por el hombre, mediante la protección y la asistencia, el desarrollo sostenible, la erradicación de la pobreza y la prevención y solución de conflictos',
      },
    },
    starts: '2017-05-22T10:00',
    ends: '2017-05-23T18:00',
    venue: 'New York, UN Headquarters',
    timeZone: 'America/New_York',
  },
  {
    number: 3,
    code: 'T3',
    title:
      'International cooperation and governance of migration in all its dimensions, including at borders, on transit, entry, return, readmission, integration and reintegration',
    translations: {
      fr: {
        title:
          "Coopération internationale et gouvernance des migrations sous tous leurs aspects, y compris aux frontières, en transit, à l'entrée, au retour, à la réadmission, à l'intégration et à la réintégration",
      },
      es: {
        title:
          'La cooperación internacional y la gobernanza de la migración en todas sus dimensiones, incluso en las fronteras, en tránsito, en la entrada, el retorno, la readmisión, la integración y la reintegración',
      },
    },
    starts: '2017-06-19T10:00',
    ends: '2017-06-20T18:00',
    venue: 'Geneva, Palais des Nations',
    timeZone: 'Europe/Zurich',
  },
  {
    number: 4,
    code: 'T4',
    title:
      'Contributions of migrants and diasporas to all dimensions of sustainable development, including remittances and portability of earned benefits',
    translations: {
      fr: {
        title:
          'Contributions des migrants et des diasporas à toutes les dimensions du développement durable, y compris les envois de fonds et la transférabilité des prestations acquises',
      },
      es: {
        title:
          'Las contribuciones de los migrantes y las diásporas a todas las dimensiones del desarrollo sostenible, incluidas las remesas y la portabilidad de las prestaciones adquiridas',
      },
    },
    starts: '2017-07-24T10:00',
    ends: '2017-07-25T18:00',
    venue: 'New York, UN Headquarters',
    timeZone: 'America/New_York',
  },
  {
    number: 5,
    code: 'T5',
    title:
      'Smuggling of migrants, trafficking in persons and contemporary forms of slavery, including appropriate identification, protection and assistance to migrants and trafficking victims',
    translations: {
      fr: {
        title:
          "Trafic illicite de migrants, traite des personnes et formes contemporaines d'esclavage, y compris l'identification, la protection et l'assistance appropriées aux migrants et aux victimes de la traite",
      },
      es: {
        title:
          'El tráfico ilícito de migrantes, la trata de personas y las formas contemporáneas de esclavitud, incluidas la identificación, la protección y la asistencia adecuadas a los migrantes y las víctimas de la trata',
      },
    },
    starts: '2017-09-04T10:00',
    ends: '2017-09-05T18:00',
    venue: 'Vienna International Centre',
    timeZone: 'Europe/Vienna',
  },
  {
    number: 6,
    code: 'T6',
    title:
      'Irregular migration and regular pathways, including decent work, labour mobility, recognition of skills and qualifications and other relevant measures',
    translations: {
      fr: {
        title:
          "Migration irrégulière et voies de migration régulière, y compris le travail décent, la mobilité de la main-d'œuvre, la reconnaissance des aptitudes et des qualifications et d'autres mesures pertinentes",
      },
      es: {
        title:
          'La migración irregular y las vías de migración regular, incluidos el trabajo decente, la movilidad laboral, el reconocimiento de aptitudes y cualificaciones y otras medidas pertinentes',
      },
    },
    starts: '2017-10-12T10:00',
    ends: '2017-10-13T18:00',
    venue: 'Geneva, Palais des Nations',
    timeZone: 'Europe/Zurich',
  },
] as const;

/** The GCM process, its phases and milestones in French and Spanish (the English is in the Processes migration). */
export const GCM_PROCESS_TRANSLATIONS: FieldTranslations = {
  fr: { title: 'Pacte mondial sur les migrations 2017–2018' },
  es: { title: 'Pacto Mundial para la Migración 2017–2018' },
};

export const GCM_PHASE_TRANSLATIONS: Partial<Record<PhaseKind, FieldTranslations>> = {
  consultation: { fr: { title: 'Consultations' }, es: { title: 'Consultas' } },
  stocktaking: { fr: { title: 'Bilan' }, es: { title: 'Balance' } },
  negotiation: {
    fr: { title: 'Négociations intergouvernementales' },
    es: { title: 'Negociaciones intergubernamentales' },
  },
};

export const GCM_MILESTONE_TRANSLATIONS: Partial<Record<MilestoneKind, FieldTranslations>> = {
  stocktaking_meeting: { fr: { title: 'Réunion de bilan' }, es: { title: 'Reunión de balance' } },
  intergovernmental_conference: {
    fr: { title: "Conférence intergouvernementale chargée d'adopter le Pacte mondial" },
    es: { title: 'Conferencia Intergubernamental encargada de Aprobar el Pacto Mundial' },
  },
};
