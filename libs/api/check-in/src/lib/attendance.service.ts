import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@gfmd/api-auth';
import { CheckInPort } from '@gfmd/api-registrations';
import type { CheckInPerson, DialogueAttendance } from '@gfmd/contracts';
import { createHash } from 'node:crypto';
import { CheckInRooms } from './check-in-rooms.service';
import { toPerson } from './check-in.service';
import { DoorStaffService } from './door-staff.service';
import { RoomArrivalsRepository } from './room-arrivals.repository';

/** What the door and the organizers see of a dialogue's arrivals: the live counts, and search by name. */
@Injectable()
export class AttendanceService {
  constructor(
    private readonly port: CheckInPort,
    private readonly rooms: CheckInRooms,
    private readonly arrivals: RoomArrivalsRepository,
    private readonly doorStaff: DoorStaffService,
  ) {}

  /**
   * Arrived / expected in all, by stakeholder group, by space and by room (a coordinator: their
   * spaces and the rooms held in them), with an ETag of the counts (not of `at`), so a poll that
   * finds nothing new costs a 304 with no body.
   */
  async attendance(dialogueId: string, user: AuthUser): Promise<{ body: DialogueAttendance; etag: string }> {
    await this.doorStaff.assertAtDoor(dialogueId, user);
    const scope = await this.port.scope(dialogueId, user);
    const [{ byGroup, bySpace }, rooms, entered] = await Promise.all([
      this.port.attendance(dialogueId, user),
      this.rooms.list(dialogueId, user),
      this.arrivals.counts(dialogueId),
    ]);
    const total = byGroup.reduce((t, g) => ({ expected: t.expected + g.expected, arrived: t.arrived + g.arrived }), {
      expected: 0,
      arrived: 0,
    });
    const seats = new Map(bySpace.map((s) => [s.spaceId, s.expected]));
    const inRoom = new Map(entered.map((e) => [e.agendaItemId ?? e.spaceId, e.arrived]));
    const byRoom = rooms
      .filter((r) => !scope || (r.spaceId && scope.includes(r.spaceId)))
      .map((r) => ({
        ...r,
        expected: r.spaceId ? (seats.get(r.spaceId) ?? 0) : total.expected,
        arrived: inRoom.get(r.id) ?? 0,
      }));
    const counts = {
      dialogueId,
      ...total,
      byGroup: Object.fromEntries(byGroup.map((g) => [g.g, { expected: g.expected, arrived: g.arrived }])),
      bySpace: bySpace.map((s) => ({ spaceId: s.spaceId, name: s.name, expected: s.expected, arrived: s.arrived })),
      byRoom,
    };
    const etag = `"${createHash('sha1').update(JSON.stringify(counts)).digest('base64url')}"`;
    return { body: { ...counts, at: new Date().toISOString() }, etag };
  }

  async search(dialogueId: string, q: string, user: AuthUser): Promise<{ items: CheckInPerson[] }> {
    await this.doorStaff.assertAtDoor(dialogueId, user);
    return { items: (await this.port.search(dialogueId, q, user)).map(toPerson) };
  }
}
