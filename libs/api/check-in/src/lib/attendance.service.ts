import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@gfmd/api-auth';
import { CheckInPort } from '@gfmd/api-registrations';
import type { CheckInPerson, DialogueAttendance } from '@gfmd/contracts';
import { toPerson } from './check-in.service';

/** What the door and the organizers see of a dialogue's arrivals: the live counts, and search by name. */
@Injectable()
export class AttendanceService {
  constructor(private readonly port: CheckInPort) {}

  async attendance(dialogueId: string, user: AuthUser): Promise<DialogueAttendance> {
    const { byGroup, bySpace } = await this.port.attendance(dialogueId, user);
    const total = byGroup.reduce((t, g) => ({ expected: t.expected + g.expected, arrived: t.arrived + g.arrived }), {
      expected: 0,
      arrived: 0,
    });
    return {
      dialogueId,
      ...total,
      byGroup: Object.fromEntries(byGroup.map((g) => [g.g, { expected: g.expected, arrived: g.arrived }])),
      bySpace: bySpace.map((s) => ({ spaceId: s.spaceId, name: s.name, expected: s.expected, arrived: s.arrived })),
      at: new Date().toISOString(),
    };
  }

  async search(dialogueId: string, q: string, user: AuthUser): Promise<{ items: CheckInPerson[] }> {
    return { items: (await this.port.search(dialogueId, q, user)).map(toPerson) };
  }
}
