import { balanceRows } from './stakeholder-balance.component';

describe(balanceRows.name, () => {
  it('sums pending and waitlisted as waiting and keeps groups with a quota', () => {
    const sut = balanceRows(
      { byStatus: {}, byGroup: { civil_society: { confirmed: 12, pending: 2, waitlisted: 3 } }, bySpace: {} },
      { private_sector: 10, civil_society: 15 },
    );

    expect(sut).toEqual([
      { group: 'civil_society', confirmed: 12, waiting: 5, quota: 15 },
      { group: 'private_sector', confirmed: 0, waiting: 0, quota: 10 },
    ]);
  });
});
