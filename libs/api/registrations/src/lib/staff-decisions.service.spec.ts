import type { DialoguesService } from '@gfmd/api-dialogues';
import { type AuditService, DomainEvents } from '@gfmd/api-platform';
import type { SpacesService } from '@gfmd/api-spaces';
import { coordinator, failure, FakeSeatStore, organizer } from './seat-store.fake';
import type { RegistrationMailer } from './registration-mailer';
import { StaffAccess } from './staff-access.service';
import { StaffDecisionsService } from './staff-decisions.service';

describe(StaffDecisionsService.name, () => {
  let store: FakeSeatStore;
  let sut: StaffDecisionsService;
  let audit: { record: jest.Mock };

  beforeEach(() => {
    store = new FakeSeatStore();
    const { ledger, reads, writes, seats } = store.wire();
    const access = new StaffAccess(reads, store.dialogues as DialoguesService, store.spacesDomain as SpacesService);
    audit = { record: jest.fn(async () => undefined) };
    sut = new StaffDecisionsService(
      store.dataSource,
      access,
      reads,
      writes,
      ledger,
      seats,
      store.mailer as RegistrationMailer,
      audit as unknown as AuditService,
      new DomainEvents(),
    );
  });

  describe('approve', () => {
    it('confirms a pending registration while the dialogue has room, with an approved email', async () => {
      store.addRegistration('r1', 'pending');

      const view = await sut.approve('r1', organizer);

      expect(view.status).toBe('confirmed');
      expect(store.dialogue.confirmedCount).toBe(1);
      expect(store.emailKinds()).toEqual(['approved:r1']);
    });

    it('puts a pending registration on the waiting list when the dialogue is full', async () => {
      store.dialogue.capacity = 1;
      store.addRegistration('r0', 'confirmed');
      store.addRegistration('r1', 'pending', []);

      const view = await sut.approve('r1', organizer);

      expect(view.status).toBe('waitlisted');
      expect(store.dialogue.confirmedCount).toBe(1);
      expect(store.emailKinds()).toEqual(['waitlisted:r1']);
    });

    it('gives a seat in an approval space to a confirmed registration, with an approved email', async () => {
      store.addSpace('s1', { access: 'approval', coordinatorUserIds: [coordinator.id] });
      store.addRegistration('r1', 'confirmed', [{ spaceId: 's1', status: 'pending' }]);

      const view = await sut.approve('r1', coordinator, 's1');

      expect(view.spaces.map((s) => s.status)).toEqual(['confirmed']);
      expect(store.space('s1').confirmedCount).toBe(1);
      expect(store.emailKinds()).toEqual(['approved:r1']);
    });

    it('refuses a coordinator acting on a space they do not coordinate (403), changing nothing', async () => {
      store.addSpace('s1', { access: 'approval', coordinatorUserIds: [coordinator.id] });
      store.addSpace('s2', { access: 'approval', coordinatorUserIds: ['someone-else'] });
      store.addRegistration('r1', 'confirmed', [
        { spaceId: 's1', status: 'confirmed' },
        { spaceId: 's2', status: 'pending' },
      ]);

      expect(await failure(sut.approve('r1', coordinator, 's2'))).toEqual({ status: 403, slug: 'forbidden' });
      expect(store.seatStatus('r1', 's2')).toBe('pending');
      expect(store.emails).toEqual([]);
    });

    it('answers 422 when there is nothing pending to approve', async () => {
      store.addSpace('s1');
      store.addRegistration('r1', 'confirmed', [{ spaceId: 's1', status: 'confirmed' }]);

      expect(await failure(sut.approve('r1', organizer, 's1'))).toMatchObject({
        status: 422,
        slug: 'nothing-to-approve',
      });
      expect(await failure(sut.approve('r1', organizer))).toMatchObject({ status: 422, slug: 'nothing-to-approve' });
    });

    it('answers 422 to a space approval while the registration itself still awaits an organizer', async () => {
      store.addSpace('s1', { access: 'approval' });
      store.addRegistration('r1', 'pending', [{ spaceId: 's1', status: 'pending' }]);

      expect(await failure(sut.approve('r1', organizer, 's1'))).toMatchObject({
        status: 422,
        slug: 'registration-pending',
      });
    });

    it('hides a registration outside a coordinator’s spaces (404)', async () => {
      store.addSpace('s1', { coordinatorUserIds: ['someone-else'] });
      store.addRegistration('r1', 'pending', [{ spaceId: 's1', status: 'pending' }]);

      expect((await failure(sut.approve('r1', coordinator))).status).toBe(404);
    });
  });

  describe('approve a waitlisted registration', () => {
    it('says the dialogue is full (422 dialogue-full) instead of "nothing to approve"', async () => {
      store.dialogue.capacity = 1;
      store.addRegistration('r0', 'confirmed');
      store.addRegistration('r1', 'waitlisted');

      expect(await failure(sut.approve('r1', organizer))).toMatchObject({ status: 422, slug: 'dialogue-full' });
    });

    it('gives a free seat that fits at once', async () => {
      store.addRegistration('r1', 'waitlisted');

      expect((await sut.approve('r1', organizer)).status).toBe('confirmed');
      expect(store.emailKinds()).toEqual(['approved:r1']);
    });
  });

  describe('decline', () => {
    it('declines a registration with a declined email, and its seat goes to the next in line', async () => {
      store.dialogue.capacity = 1;
      store.addRegistration('r1', 'confirmed');
      store.addRegistration('r2', 'waitlisted');

      const view = await sut.decline('r1', organizer);

      expect(view.status).toBe('declined');
      expect(store.reg('r2').status).toBe('confirmed');
      expect(store.dialogue.confirmedCount).toBe(1);
      expect(store.emailKinds().sort()).toEqual(['declined:r1', 'promoted:r2']);
    });

    it('declines one seat request of a coordinator’s space, with a declined email', async () => {
      store.addSpace('s1', { access: 'approval', coordinatorUserIds: [coordinator.id] });
      store.addRegistration('r1', 'confirmed', [{ spaceId: 's1', status: 'pending' }]);

      await sut.decline('r1', coordinator, 's1');

      expect(store.reg('r1').status).toBe('confirmed');
      expect(store.seatStatus('r1', 's1')).toBe('declined');
      expect(store.emailKinds()).toEqual(['declined:r1']);
    });

    it('answers 422 when nothing is active to decline', async () => {
      store.addSpace('s1', { coordinatorUserIds: [coordinator.id] });
      store.addRegistration('r1', 'confirmed', [{ spaceId: 's1', status: 'declined' }]);

      expect(await failure(sut.decline('r1', coordinator))).toMatchObject({ status: 422, slug: 'nothing-to-decline' });
    });

    it('answers 422 to declining a cancelled registration', async () => {
      store.addRegistration('r1', 'cancelled');

      expect(await failure(sut.decline('r1', organizer))).toMatchObject({ status: 422, slug: 'invalid-transition' });
    });

    it('holds the decline email back for the undo window and puts the reason in it', async () => {
      store.addRegistration('r1', 'pending');

      const view = await sut.decline('r1', organizer, undefined, 'The room is for government delegates.');

      expect(view.undoUntil).toEqual(expect.any(String));
      const [email] = store.emails;
      expect(email).toMatchObject({ kind: 'declined', reason: 'The room is for government delegates.' });
      expect(email.sendAfter!.getTime()).toBeGreaterThan(new Date(view.undoUntil!).getTime());
      expect(email.idempotencyKey).toMatch(/^declined:r1:\d+$/);
    });
  });

  describe('undoDecline', () => {
    it('restores the previous status and withdraws the held email', async () => {
      store.addRegistration('r1', 'confirmed');
      await sut.decline('r1', organizer);

      const view = await sut.undoDecline('r1', organizer);

      expect(view.status).toBe('confirmed');
      expect(store.dialogue.confirmedCount).toBe(1);
      expect(store.emailKinds()).toEqual([]);
    });

    it('answers 409 seat-taken when the freed seat went to the next in line', async () => {
      store.dialogue.capacity = 1;
      store.addRegistration('r1', 'confirmed');
      store.addRegistration('r2', 'waitlisted');
      await sut.decline('r1', organizer);

      expect(await failure(sut.undoDecline('r1', organizer))).toMatchObject({ status: 409, slug: 'seat-taken' });
    });

    it('answers 409 undo-expired without a recent decline', async () => {
      store.addRegistration('r1', 'declined');

      expect(await failure(sut.undoDecline('r1', organizer))).toMatchObject({ status: 409, slug: 'undo-expired' });
    });
  });

  describe('checkIn', () => {
    it('checks in a confirmed registration', async () => {
      store.addRegistration('r1', 'confirmed');

      await sut.checkIn('r1', organizer);

      expect(store.checkedIn).toEqual(['r1']);
    });

    it('refuses a registration that is not confirmed (422)', async () => {
      store.addRegistration('r1', 'waitlisted');

      expect(await failure(sut.checkIn('r1', organizer))).toMatchObject({ status: 422, slug: 'not-confirmed' });
      expect(store.checkedIn).toEqual([]);
    });

    it('refuses a coordinator whose spaces hold no confirmed seat of the person (422)', async () => {
      store.addSpace('s1', { coordinatorUserIds: [coordinator.id] });
      store.addRegistration('r1', 'confirmed', [{ spaceId: 's1', status: 'waitlisted' }]);

      expect(await failure(sut.checkIn('r1', coordinator))).toMatchObject({ status: 422, slug: 'not-confirmed' });
    });
  });
});
