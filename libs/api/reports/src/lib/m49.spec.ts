import { COUNTRY_SUB_REGION, M49_SUB_REGION_INFO, M49_SUB_REGIONS, m49Of } from '@gfmd/contracts';
import { isISO31661Alpha2 } from 'class-validator';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const everyPair = [...LETTERS].flatMap((a) => [...LETTERS].map((b) => a + b));

describe('M49 regions', () => {
  it('maps every country the API accepts (isISO31661Alpha2) to a region and a sub-region', () => {
    const accepted = everyPair.filter((code) => isISO31661Alpha2(code));
    expect(accepted.length).toBeGreaterThan(240);
    expect(accepted.filter((code) => m49Of(code).region === 'unknown')).toEqual([]);
  });

  it('lists no code twice and no code the API refuses', () => {
    const codes = Object.keys(COUNTRY_SUB_REGION);
    expect(codes.filter((code) => !isISO31661Alpha2(code))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('places a few countries as M49 does', () => {
    expect(m49Of('sn')).toEqual({ region: 'africa', subRegion: 'sub_saharan_africa' });
    expect(m49Of('EG')).toEqual({ region: 'africa', subRegion: 'northern_africa' });
    expect(m49Of('MX')).toEqual({ region: 'americas', subRegion: 'latin_america_caribbean' });
    expect(m49Of('CA')).toEqual({ region: 'americas', subRegion: 'northern_america' });
    expect(m49Of('TR')).toEqual({ region: 'asia', subRegion: 'western_asia' });
    expect(m49Of('CH')).toEqual({ region: 'europe', subRegion: 'western_europe' });
    expect(m49Of('FJ')).toEqual({ region: 'oceania', subRegion: 'melanesia' });
    expect(m49Of('ZZ')).toEqual({ region: 'unknown', subRegion: 'unknown' });
  });

  it('gives every sub-region members and an M49 code', () => {
    const used = new Set(Object.values(COUNTRY_SUB_REGION));
    for (const sub of M49_SUB_REGIONS) {
      expect(used.has(sub)).toBe(true);
      expect(M49_SUB_REGION_INFO[sub].code).toMatch(/^\d{3}$/);
    }
  });
});
