import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@gfmd/api-auth';
import { AgendaService } from '@gfmd/api-agenda';
import { notFound } from '@gfmd/api-platform';
import { SpacesService } from '@gfmd/api-spaces';
import type { CheckInRoom } from '@gfmd/contracts';

/**
 * The rooms of a dialogue a door can scan at: its spaces and its agenda items (an item held in a
 * space expects that space's people; an item of the whole dialogue, everyone). Read through the
 * spaces and agenda services (the check-in domain owns none of their tables).
 */
@Injectable()
export class CheckInRooms {
  constructor(
    private readonly spaces: SpacesService,
    private readonly agenda: AgendaService,
  ) {}

  async list(dialogueId: string, user: AuthUser): Promise<CheckInRoom[]> {
    const [spaces, agenda] = await Promise.all([
      this.spaces.listRecords(dialogueId),
      this.agenda.agenda(dialogueId, user),
    ]);
    const names = new Map(spaces.map((s) => [s.id, s.name]));
    return [
      ...spaces.map((s): CheckInRoom => ({ kind: 'space', id: s.id, name: s.name, spaceId: s.id, startsAt: null })),
      ...agenda.items.map((i): CheckInRoom => ({
        kind: 'agenda_item',
        id: i.id,
        name: i.spaceId && names.has(i.spaceId) ? `${i.title} (${names.get(i.spaceId)})` : i.title,
        spaceId: i.spaceId ?? null,
        startsAt: i.startsAt,
      })),
    ];
  }

  /** The room a scan names, in this dialogue (404 for a room of another dialogue or none). */
  async resolve(
    dialogueId: string,
    ref: { agendaItemId?: string; spaceId?: string },
    user: AuthUser,
  ): Promise<CheckInRoom> {
    const wanted = ref.agendaItemId ?? ref.spaceId;
    const room = (await this.list(dialogueId, user)).find(
      (r) => r.id === wanted && r.kind === (ref.agendaItemId ? 'agenda_item' : 'space'),
    );
    if (!room) throw notFound(ref.agendaItemId ? 'Agenda item' : 'Space');
    return room;
  }
}
