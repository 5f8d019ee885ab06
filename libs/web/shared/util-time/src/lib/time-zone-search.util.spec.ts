import { knownTimeZones } from './zoned-time.util';
import { filterTimeZones } from './time-zone-search.util';

describe(filterTimeZones.name, () => {
  const zones = knownTimeZones();

  it('finds New York with a space, an underscore or in lower case', () => {
    for (const query of ['New York', 'new_york', 'new y', 'NEW YORK']) {
      expect(filterTimeZones(zones, query)[0]).toEqual({ zone: 'America/New_York' });
    }
  });

  it('finds Geneva (in Europe/Zurich) by its city', () => {
    expect(filterTimeZones(zones, 'Geneva')).toEqual([{ zone: 'Europe/Zurich', city: 'Geneva' }]);
    expect(filterTimeZones(zones, 'gen')).toContainEqual({ zone: 'Europe/Zurich', city: 'Geneva' });
  });

  it('ranks the city part before the region and the rest', () => {
    const result = filterTimeZones(zones, 'euro').map((o) => o.zone);
    expect(result.length).toBeGreaterThan(10);
    expect(filterTimeZones(zones, 'zur')[0].zone).toBe('Europe/Zurich');
    expect(filterTimeZones(zones, 'sao paulo')[0].zone).toBe('America/Sao_Paulo');
  });

  it('gives the first zones for nothing typed, and nothing for nonsense', () => {
    expect(filterTimeZones(zones, '', 5)).toHaveLength(5);
    expect(filterTimeZones(zones, 'qqqq')).toEqual([]);
  });
});
