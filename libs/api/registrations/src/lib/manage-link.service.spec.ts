import { DomainEvents } from '@gfmd/api-platform';
import type { DialoguesService } from '@gfmd/api-dialogues';
import { ManageLinkService } from './manage-link.service';
import type { ManageLinks } from './manage-links';
import { failure, FakeSeatStore } from './seat-store.fake';

describe(ManageLinkService.name, () => {
  let store: FakeSeatStore;
  let sut: ManageLinkService;
  /** token → registration id; a token opens its registration while that is not cancelled through the link. */
  let tokens: Map<string, string>;

  beforeEach(() => {
    store = new FakeSeatStore();
    tokens = new Map();
    const { ledger, reads, writes, invitations, seats } = store.wire();
    const links: Partial<ManageLinks> = {
      resolve: async (token) => {
        const id = tokens.get(token);
        return id ? { ...store.reg(id) } : null;
      },
    };
    sut = new ManageLinkService(
      store.dataSource,
      links as ManageLinks,
      reads,
      writes,
      ledger,
      seats,
      store.dialogues as DialoguesService,
      invitations,
      new DomainEvents(),
    );
  });

  it('answers 404 for a token that opens nothing', async () => {
    expect((await failure(sut.view('unknown-token'))).status).toBe(404);
  });

  it('shows the registration with its dialogue, and confirms the address on first use', async () => {
    store.addRegistration('r1', 'confirmed', [], { emailConfirmedAt: null });
    tokens.set('t1', 'r1');

    const view = await sut.view('t1');

    expect(view).toMatchObject({ id: 'r1', status: 'confirmed', dialogue: { id: 'd1' } });
    expect(store.emailConfirmed).toEqual(['r1']);
  });

  it('cancels: the seat goes to the next in line, who is told; the holder gets the cancellation', async () => {
    store.dialogue.capacity = 1;
    store.addRegistration('r1', 'confirmed');
    store.addRegistration('r2', 'waitlisted');
    tokens.set('t1', 'r1');

    const view = await sut.cancel('t1');

    expect(view.status).toBe('cancelled');
    expect(store.reg('r2').status).toBe('confirmed');
    expect(store.emailKinds().sort()).toEqual(['cancelled:r1', 'promoted:r2']);
  });

  it('refuses to cancel twice (422), changing nothing — not even the address confirmation', async () => {
    store.addRegistration('r1', 'cancelled', [], { emailConfirmedAt: null });
    tokens.set('t1', 'r1');

    expect(await failure(sut.cancel('t1'))).toMatchObject({ status: 422, slug: 'invalid-transition' });
    expect(store.emails).toEqual([]);
    expect(store.emailConfirmed).toEqual([]);
  });

  it('refuses changes once the dialogue is cancelled (422)', async () => {
    store.addRegistration('r1', 'confirmed');
    store.dialogue.status = 'cancelled';
    tokens.set('t1', 'r1');

    expect(await failure(sut.update('t1', { firstName: 'Grace' }))).toMatchObject({
      status: 422,
      slug: 'dialogue-closed',
    });
  });

  it('adds a space: an open space with room gives a seat at once, and the holder gets no email of their own change', async () => {
    store.addSpace('s1');
    store.addRegistration('r1', 'confirmed');
    tokens.set('t1', 'r1');

    const view = await sut.update('t1', { spaceIds: ['s1'] });

    expect(view.spaces.map((s) => [s.spaceId, s.status])).toEqual([['s1', 'confirmed']]);
    expect(store.space('s1').confirmedCount).toBe(1);
    expect(store.emails).toEqual([]);
  });

  it('refuses a space of another dialogue (422 unknown-space)', async () => {
    store.addRegistration('r1', 'confirmed');
    tokens.set('t1', 'r1');

    expect(await failure(sut.update('t1', { spaceIds: ['elsewhere'] }))).toMatchObject({
      status: 422,
      slug: 'unknown-space',
    });
  });
});
