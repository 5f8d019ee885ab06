/**
 * UN M49 geographic regions (https://unstats.un.org/unsd/methodology/m49/): every ISO 3166-1
 * alpha-2 code the app offers, by region and sub-region. Used by the API to count participants
 * by region (docs/reports.md) and by the web app to name the regions. Antarctica has no M49
 * region; it is its own area (010). A code not in the table (`ZZ`: an erased person) is `unknown`.
 */
export const M49_REGIONS = ['africa', 'americas', 'asia', 'europe', 'oceania', 'antarctica'] as const;
export type M49Region = (typeof M49_REGIONS)[number];

/** Region → its M49 numeric code. */
export const M49_REGION_CODES: Record<M49Region, string> = {
  africa: '002',
  americas: '019',
  asia: '142',
  europe: '150',
  oceania: '009',
  antarctica: '010',
};

/** Sub-regions (M49 "sub-region" level; Latin America and the Caribbean and Sub-Saharan Africa as M49 has them). */
export const M49_SUB_REGIONS = [
  'northern_africa',
  'sub_saharan_africa',
  'latin_america_caribbean',
  'northern_america',
  'central_asia',
  'eastern_asia',
  'south_eastern_asia',
  'southern_asia',
  'western_asia',
  'eastern_europe',
  'northern_europe',
  'southern_europe',
  'western_europe',
  'australia_new_zealand',
  'melanesia',
  'micronesia',
  'polynesia',
  'antarctica',
] as const;
export type M49SubRegion = (typeof M49_SUB_REGIONS)[number];

/** Sub-region → its region and M49 numeric code. */
export const M49_SUB_REGION_INFO: Record<M49SubRegion, { region: M49Region; code: string }> = {
  northern_africa: { region: 'africa', code: '015' },
  sub_saharan_africa: { region: 'africa', code: '202' },
  latin_america_caribbean: { region: 'americas', code: '419' },
  northern_america: { region: 'americas', code: '021' },
  central_asia: { region: 'asia', code: '143' },
  eastern_asia: { region: 'asia', code: '030' },
  south_eastern_asia: { region: 'asia', code: '035' },
  southern_asia: { region: 'asia', code: '034' },
  western_asia: { region: 'asia', code: '145' },
  eastern_europe: { region: 'europe', code: '151' },
  northern_europe: { region: 'europe', code: '154' },
  southern_europe: { region: 'europe', code: '039' },
  western_europe: { region: 'europe', code: '155' },
  australia_new_zealand: { region: 'oceania', code: '053' },
  melanesia: { region: 'oceania', code: '054' },
  micronesia: { region: 'oceania', code: '057' },
  polynesia: { region: 'oceania', code: '061' },
  antarctica: { region: 'antarctica', code: '010' },
};

/** The countries of each sub-region (ISO 3166-1 alpha-2, space separated), as M49 lists them. */
const MEMBERS: Record<M49SubRegion, string> = {
  northern_africa: 'DZ EG EH LY MA SD TN',
  sub_saharan_africa:
    // Eastern, Middle, Southern and Western Africa
    'BI DJ ER ET IO KE KM MG MU MW MZ RE RW SC SO SS TF TZ UG YT ZM ZW ' +
    'AO CD CF CG CM GA GQ ST TD ' +
    'BW LS NA SZ ZA ' +
    'BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG',
  latin_america_caribbean:
    // Caribbean, Central America, South America
    'AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI ' +
    'BZ CR GT HN MX NI PA SV ' +
    'AR BO BR BV CL CO EC FK GF GS GY PE PY SR UY VE',
  northern_america: 'BM CA GL PM US',
  central_asia: 'KG KZ TJ TM UZ',
  eastern_asia: 'CN HK JP KP KR MN MO TW',
  south_eastern_asia: 'BN ID KH LA MM MY PH SG TH TL VN',
  southern_asia: 'AF BD BT IN IR LK MV NP PK',
  western_asia: 'AE AM AZ BH CY GE IL IQ JO KW LB OM PS QA SA SY TR YE',
  eastern_europe: 'BG BY CZ HU MD PL RO RU SK UA',
  northern_europe: 'AX DK EE FI FO GB GG IE IM IS JE LT LV NO SE SJ',
  southern_europe: 'AD AL BA ES GI GR HR IT ME MK MT PT RS SI SM VA',
  western_europe: 'AT BE CH DE FR LI LU MC NL',
  australia_new_zealand: 'AU CC CX HM NF NZ',
  melanesia: 'FJ NC PG SB VU',
  micronesia: 'FM GU KI MH MP NR PW UM',
  polynesia: 'AS CK NU PF PN TK TO TV WF WS',
  antarctica: 'AQ',
};

/** ISO 3166-1 alpha-2 → M49 sub-region (and so region). */
export const COUNTRY_SUB_REGION: Readonly<Record<string, M49SubRegion>> = Object.freeze(
  Object.fromEntries(
    (Object.entries(MEMBERS) as [M49SubRegion, string][]).flatMap(([sub, codes]) =>
      codes.split(' ').map((code) => [code, sub]),
    ),
  ),
);

/** The M49 region and sub-region of a country, or `unknown` (erased, or a code M49 does not list). */
export function m49Of(country: string): { region: M49Region | 'unknown'; subRegion: M49SubRegion | 'unknown' } {
  const subRegion = COUNTRY_SUB_REGION[country.toUpperCase()];
  return subRegion
    ? { region: M49_SUB_REGION_INFO[subRegion].region, subRegion }
    : { region: 'unknown', subRegion: 'unknown' };
}
