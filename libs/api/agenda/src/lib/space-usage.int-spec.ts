import { AuthModule } from '@gfmd/api-auth';
import { DialoguesModule, SeedService } from '@gfmd/api-dialogues';
import { MailModule } from '@gfmd/api-mail';
import { PlatformModule } from '@gfmd/api-platform';
import { SpacesModule } from '@gfmd/api-spaces';
import { createTestApp, TestApp } from '@gfmd/api-testing';
import type { ApiClient } from '@gfmd/api-testing';
import { AgendaModule } from './agenda.module';
import { agendaFixture, insertParticipant } from './testing/agenda-fixture';

/**
 * The spaces domain never reads agenda_items or registration_spaces: it asks the agenda and the
 * registrations through SpaceUsage. These are the rules it enforces with their answers.
 */
describe('What a space holds (SpaceUsage, integration)', () => {
  let sut: TestApp;
  let organizer: ApiClient;
  let coordinator: { id: string };
  let otherCoordinator: { id: string };

  beforeAll(async () => {
    sut = await createTestApp([PlatformModule, AuthModule, MailModule, DialoguesModule, SpacesModule, AgendaModule]);
    await sut.app.get(SeedService).seedProcess();
    organizer = (await sut.staff('organizer')).client;
    coordinator = await sut.staff('coordinator');
    otherCoordinator = await sut.staff('coordinator');
  });
  afterAll(() => sut.close());

  const fixture = () =>
    agendaFixture(organizer, { coordinatorId: coordinator.id, otherCoordinatorId: otherCoordinator.id });

  it('keeps a space with agenda items: no deletion, no change of kind, no removal of a room an item uses', async () => {
    const f = await fixture();
    const item = await organizer.post(`/dialogues/${f.dialogue.id}/agenda-items`, {
      title: 'Civil society caucus',
      kind: 'roundtable',
      spaceId: f.civil.id,
      room: 'Room 2',
      startsAt: f.at(1),
      endsAt: f.at(2),
    });
    expect(item.status).toBe(201);

    const del = await organizer.delete(`/spaces/${f.civil.id}`);
    expect(del.status).toBe(409);
    expect(del.body.type).toMatch(/space-has-agenda/);
    const kind = await organizer.patch(`/spaces/${f.civil.id}`, { kind: 'side_event' });
    expect(kind.status).toBe(422);
    expect(kind.body.type).toMatch(/space-has-agenda/);
    const rooms = await organizer.patch(`/spaces/${f.civil.id}`, { rooms: ['Shared hall'] });
    expect(rooms.status).toBe(409);
    expect(rooms.body.type).toMatch(/room-in-use/);
    expect(rooms.body.rooms).toEqual(['Room 2']);
    // A room no item uses can go.
    expect((await organizer.patch(`/spaces/${f.civil.id}`, { rooms: ['Room 2'] })).status).toBe(200);

    expect((await organizer.delete(`/agenda-items/${item.body.id}`)).status).toBe(204);
    expect((await organizer.delete(`/spaces/${f.civil.id}`)).status).toBe(204);
  });

  it('lets a room go when a space-less item uses it but another space still lists it', async () => {
    const f = await fixture();
    const item = await organizer.post(`/dialogues/${f.dialogue.id}/agenda-items`, {
      title: 'Coffee in the hall',
      kind: 'break',
      room: 'Shared hall',
      startsAt: f.at(3),
      endsAt: f.at(3.5),
    });
    expect(item.status).toBe(201);
    // The business space lists "Shared hall" too: the civil society space may drop it.
    expect((await organizer.patch(`/spaces/${f.civil.id}`, { rooms: ['Room 2'] })).status).toBe(200);
    // Now only the business space lists it, and the item has no space: it must stay.
    const last = await organizer.patch(`/spaces/${f.business.id}`, { rooms: ['Room 3'] });
    expect(last.status).toBe(409);
    expect(last.body.rooms).toEqual(['Shared hall']);
  });

  it('keeps a space while someone holds or awaits a seat in it', async () => {
    const f = await fixture();
    await insertParticipant(sut, f.dialogue.id, {
      status: 'confirmed',
      spaces: [{ spaceId: f.business.id, status: 'waitlisted' }],
    });
    const res = await organizer.delete(`/spaces/${f.business.id}`);
    expect(res.status).toBe(409);
    expect(res.body.type).toMatch(/space-has-registrations/);
    await sut.dataSource.query(`UPDATE registration_spaces SET status = 'cancelled' WHERE space_id = $1`, [
      f.business.id,
    ]);
    expect((await organizer.delete(`/spaces/${f.business.id}`)).status).toBe(204);
  });
});
