/** The six themes and informal thematic sessions of the Global Compact for Migration (2017). */
export const GCM_SESSIONS = [
  {
    number: 1,
    code: 'T1',
    title:
      'Human rights of all migrants, social inclusion, cohesion, and all forms of discrimination, including racism, xenophobia and intolerance',
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
    starts: '2017-10-12T10:00',
    ends: '2017-10-13T18:00',
    venue: 'Geneva, Palais des Nations',
    timeZone: 'Europe/Zurich',
  },
] as const;
