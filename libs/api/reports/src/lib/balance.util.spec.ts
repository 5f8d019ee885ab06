import { buildBalance, type BalanceInput } from './balance.util';

const dialogue = (id: string, startsAt: string) => ({ id, title: id, startsAt, status: 'concluded' as const });

const input = (over: Partial<BalanceInput> = {}): BalanceInput => ({
  processId: 'p',
  processTitle: 'P',
  filters: {},
  dialogues: [dialogue('d1', '2026-01-01T09:00:00.000Z'), dialogue('d2', '2026-02-01T09:00:00.000Z')],
  selected: new Set(['d1', 'd2']),
  erased: new Map(),
  cells: [],
  organizationKeys: new Map(),
  ...over,
});

describe(buildBalance.name, () => {
  it('adds live cells and the counts kept of an erased dialogue alike', () => {
    const sut = buildBalance(
      input({
        cells: [
          { dialogueId: 'd2', stakeholderGroup: 'government', country: 'FR', confirmed: 2, checkedIn: 1 },
          { dialogueId: 'd2', stakeholderGroup: 'media', country: 'ZZ', confirmed: 1, checkedIn: 0 },
          // A live row of an erased dialogue (anonymised registrations) is never counted twice.
          { dialogueId: 'd1', stakeholderGroup: 'government', country: 'ZZ', confirmed: 5, checkedIn: 0 },
        ],
        erased: new Map([
          [
            'd1',
            {
              byGroup: { government: { confirmed: 1, waitlisted: 4 }, civil_society: { confirmed: 2 } },
              byCountry: { SN: 2, MX: 1 },
              checkedIn: { civil_society: 1 },
              checkedInByCountry: { SN: 1 },
              organizationKeys: ['a', 'b'],
            },
          ],
        ]),
      }),
    );
    expect(sut.totals).toEqual({ confirmed: 6, checkedIn: 2, dialogues: 2, erasedDialogues: 1 });
    expect(sut.byGroup.find((g) => g.group === 'government')).toEqual({
      group: 'government',
      confirmed: 3,
      checkedIn: 1,
    });
    expect(sut.byRegion.find((r) => r.region === 'africa')).toEqual({ region: 'africa', confirmed: 2, checkedIn: 1 });
    expect(sut.byRegion.find((r) => r.region === 'unknown')).toEqual({ region: 'unknown', confirmed: 1, checkedIn: 0 });
    expect(sut.byRegion.map((r) => r.region)).toEqual(['africa', 'americas', 'asia', 'europe', 'oceania', 'unknown']);
  });

  it('puts the check-ins of an erased dialogue kept without countries in the unknown region', () => {
    const sut = buildBalance(
      input({
        selected: new Set(['d1']),
        erased: new Map([
          ['d1', { byGroup: { media: { confirmed: 1 } }, byCountry: { JP: 1 }, checkedIn: { media: 1 } }],
        ]),
      }),
    );
    expect(sut.byRegion.find((r) => r.region === 'asia')).toEqual({ region: 'asia', confirmed: 1, checkedIn: 0 });
    expect(sut.byRegion.find((r) => r.region === 'unknown')).toEqual({ region: 'unknown', confirmed: 0, checkedIn: 1 });
    expect(sut.totals.checkedIn).toBe(1);
  });

  it('counts an organization as returning only after an earlier dialogue, whatever the filter', () => {
    const sut = buildBalance(
      input({
        dialogues: [
          dialogue('d1', '2026-01-01T09:00:00.000Z'),
          dialogue('d2', '2026-01-01T09:00:00.000Z'),
          dialogue('d3', '2026-03-01T09:00:00.000Z'),
        ],
        selected: new Set(['d2', 'd3']),
        organizationKeys: new Map([
          ['d1', ['a']],
          ['d2', ['a', 'b']],
          ['d3', ['a', 'b', 'c']],
        ]),
      }),
    );
    // d1 and d2 start together: neither is earlier than the other.
    expect(sut.byDialogue.map((d) => d.organizations)).toEqual([
      { firstTime: 2, returning: 0 },
      { firstTime: 1, returning: 2 },
    ]);
    expect(sut.organizations).toEqual({ firstTime: 3, returning: 2, unknownDialogues: 0 });
  });

  it('reports the organizations of a dialogue erased before they were kept as not known', () => {
    const sut = buildBalance(
      input({
        erased: new Map([['d1', { byGroup: {}, byCountry: {}, checkedIn: {} }]]),
        organizationKeys: new Map([['d2', ['a']]]),
      }),
    );
    expect(sut.byDialogue.map((d) => d.organizations)).toEqual([null, { firstTime: 1, returning: 0 }]);
    expect(sut.organizations.unknownDialogues).toBe(1);
  });

  it('shows Antarctica only when someone is from there', () => {
    const sut = buildBalance(
      input({ cells: [{ dialogueId: 'd1', stakeholderGroup: 'academia', country: 'AQ', confirmed: 1, checkedIn: 0 }] }),
    );
    expect(sut.byRegion.find((r) => r.region === 'antarctica')?.confirmed).toBe(1);
    expect(sut.bySubRegion).toEqual([{ subRegion: 'antarctica', region: 'antarctica', confirmed: 1, checkedIn: 0 }]);
  });
});
