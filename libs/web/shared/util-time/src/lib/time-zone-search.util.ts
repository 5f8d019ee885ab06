/**
 * Cities people look for that are not the name of their IANA zone (the zone of Geneva is
 * Europe/Zurich): the UN and GFMD venues, capitals and large cities.
 */
const CITY_ALIASES: Readonly<Record<string, string>> = {
  Geneva: 'Europe/Zurich',
  Bern: 'Europe/Zurich',
  Washington: 'America/New_York',
  'San Francisco': 'America/Los_Angeles',
  Ottawa: 'America/Toronto',
  Beijing: 'Asia/Shanghai',
  'New Delhi': 'Asia/Kolkata',
  Mumbai: 'Asia/Kolkata',
  Rabat: 'Africa/Casablanca',
  Brasilia: 'America/Sao_Paulo',
  Quito: 'America/Guayaquil',
  'The Hague': 'Europe/Amsterdam',
  Canberra: 'Australia/Sydney',
  Abuja: 'Africa/Lagos',
  'Addis Ababa': 'Africa/Addis_Ababa',
  Islamabad: 'Asia/Karachi',
  'Ho Chi Minh City': 'Asia/Ho_Chi_Minh',
};

export interface TimeZoneOption {
  /** the IANA zone, the value of the field */
  zone: string;
  /** the city that was searched for when it is not in the zone's name ("Geneva" for Europe/Zurich) */
  city?: string;
}

/** Folded for matching: no case, no accents, `_` `-` `/` and spaces alike. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_\-/]+/g, ' ')
    .trim();

/**
 * The time zones that match what is typed, best first: zones whose city (the last part of the
 * IANA name, "New_York") starts with it, the cities of `CITY_ALIASES`, then zones with a word that
 * starts with it, then the rest that contain it. Spaces and underscores are alike ("new york"),
 * case and accents are ignored. At most `limit` options.
 */
export function filterTimeZones(zones: readonly string[], query: string, limit = 50): TimeZoneOption[] {
  const q = fold(query);
  if (!q) {
    return zones.slice(0, limit).map((zone) => ({ zone }));
  }
  const known = new Set(zones);
  const ranked: { option: TimeZoneOption; rank: number }[] = [];
  for (const zone of zones) {
    const city = fold(zone.slice(zone.lastIndexOf('/') + 1));
    const whole = fold(zone);
    const rank = city.startsWith(q)
      ? 0
      : whole.split(' ').some((w) => w.startsWith(q))
        ? 2
        : whole.includes(q)
          ? 3
          : -1;
    if (rank >= 0) ranked.push({ option: { zone }, rank });
  }
  for (const [city, zone] of Object.entries(CITY_ALIASES)) {
    if (known.has(zone) && fold(city).startsWith(q)) ranked.push({ option: { zone, city }, rank: 1 });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((r) => r.option);
}
