import { Injectable, OnModuleInit } from '@nestjs/common';
import { SpaceUsage } from '@gfmd/api-spaces';
import { AgendaRepository } from './agenda.repository';

/** Tells the spaces domain what the agenda holds in a space (items, rooms in use), so it never reads agenda_items. */
@Injectable()
export class AgendaSpaceUsage implements OnModuleInit {
  constructor(
    private readonly usage: SpaceUsage,
    private readonly repo: AgendaRepository,
  ) {}

  onModuleInit() {
    this.usage.register({
      agendaItems: (spaceId) => this.repo.itemCountInSpace(spaceId),
      roomsInUse: (space, rooms, otherRooms) => this.repo.roomsInUse(space, rooms, otherRooms),
    });
  }
}
