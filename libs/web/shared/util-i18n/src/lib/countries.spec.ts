import { m49Of } from '@gfmd/contracts';
import { COUNTRY_CODES } from './countries';

describe('COUNTRY_CODES', () => {
  it('maps every country the app offers to a UN M49 region (reports count by region)', () => {
    expect(COUNTRY_CODES.filter((code) => m49Of(code).region === 'unknown')).toEqual([]);
  });
});
