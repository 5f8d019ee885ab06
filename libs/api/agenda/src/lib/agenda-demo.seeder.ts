import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AgendaItemKind, Speaker } from '@gfmd/contracts';
import { DialoguesRepository, localDate } from '@gfmd/api-dialogues';
import { inTransaction, zonedTimeToUtc } from '@gfmd/api-platform';
import { SpacesRepository } from '@gfmd/api-spaces';
import { DataSource } from 'typeorm';
import { AgendaRepository } from './agenda.repository';

interface DemoItem {
  day: 0 | 1;
  from: string;
  to: string;
  title: string;
  kind: AgendaItemKind;
  space?: 'plenary' | 'business' | 'civil';
  speakers?: Speaker[];
  description?: string;
}

const ITEMS: DemoItem[] = [
  {
    day: 0,
    from: '09:00',
    to: '09:45',
    title: 'Opening of the dialogue',
    kind: 'opening',
    space: 'plenary',
    speakers: [
      { name: 'GFMD Chair', organization: 'GFMD', role: 'speaker' },
      { name: 'Moderator of the day', organization: 'GFMD Support Unit', role: 'moderator' },
    ],
  },
  {
    day: 0,
    from: '09:45',
    to: '11:00',
    title: 'Panel: human rights of all migrants, social inclusion and cohesion',
    kind: 'panel',
    space: 'plenary',
    speakers: [
      { name: 'Special Rapporteur on the human rights of migrants', organization: 'OHCHR', role: 'speaker' },
      { name: 'Migrant-led network representative', organization: 'Civil society', role: 'speaker' },
    ],
    description: 'Setting the scene for the informal thematic session.',
  },
  { day: 0, from: '11:00', to: '11:30', title: 'Coffee break', kind: 'break' },
  {
    day: 0,
    from: '11:30',
    to: '13:00',
    title: 'Business Mechanism: fair recruitment and decent work',
    kind: 'working_group',
    space: 'business',
    speakers: [{ name: 'Business Mechanism coordinator', organization: 'IOE', role: 'moderator' }],
  },
  {
    day: 0,
    from: '11:30',
    to: '13:00',
    title: 'Civil society: inclusion, xenophobia and access to services',
    kind: 'working_group',
    space: 'civil',
    speakers: [{ name: 'Civil society coordinator', organization: 'MADE Network', role: 'moderator' }],
  },
  { day: 0, from: '14:30', to: '16:00', title: 'Roundtables in each space', kind: 'roundtable', space: 'business' },
  { day: 0, from: '14:30', to: '16:00', title: 'Roundtables in each space', kind: 'roundtable', space: 'civil' },
  { day: 0, from: '16:30', to: '17:30', title: 'Report back to plenary', kind: 'plenary', space: 'plenary' },
  {
    day: 1,
    from: '09:30',
    to: '12:00',
    title: 'Drafting the joint contribution',
    kind: 'working_group',
    space: 'plenary',
  },
  {
    day: 1,
    from: '16:30',
    to: '17:30',
    title: 'Closing: contribution to the informal thematic session',
    kind: 'closing',
    space: 'plenary',
    speakers: [{ name: 'GFMD Chair', organization: 'GFMD', role: 'speaker' }],
  },
];

/** Demo spaces (plenary, Business Mechanism, civil society) and a two-day agenda for the demo dialogue. */
@Injectable()
export class AgendaDemoSeeder {
  constructor(
    private readonly dialogues: DialoguesRepository,
    private readonly spaces: SpacesRepository,
    private readonly items: AgendaRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async seed(dialogueId: string): Promise<void> {
    await inTransaction(this.dataSource, async () => {
      const dialogue = await this.dialogues.lockDialogue(dialogueId);
      if (!dialogue || (await this.spaces.listByDialogue(dialogueId)).length) return;
      const tz = dialogue.timeZone;
      const base = { dialogueId, coordinatorUserIds: [], confirmedCount: 0, capacity: null, allowedGroups: null };
      const plenary = await this.spaces.save({
        ...base,
        name: 'Plenary',
        kind: 'plenary',
        coordinatingGroup: null,
        access: 'open',
        rooms: ['Room 1'],
        description: 'Opening, panels, report-back and closing, for all participants.',
      });
      const business = await this.spaces.save({
        ...base,
        name: 'Business Mechanism space',
        kind: 'business',
        coordinatingGroup: 'private_sector',
        access: 'open',
        capacity: 40,
        rooms: ['Room 3'],
        description: 'Run by the GFMD Business Mechanism.',
      });
      const civil = await this.spaces.save({
        ...base,
        name: 'Civil Society space',
        kind: 'civil_society',
        coordinatingGroup: 'civil_society',
        access: 'open',
        capacity: 50,
        rooms: ['Room 2'],
        description: 'Run by the civil society coordinating office.',
      });
      const ids = { plenary, business, civil };
      const days = [localDate(dialogue.startsAt, tz), localDate(dialogue.endsAt, tz)];
      for (const item of ITEMS) {
        const space = item.space ? ids[item.space] : null;
        await this.items.save({
          dialogueId,
          spaceId: space?.id ?? null,
          title: item.title,
          description: item.description ?? null,
          kind: item.kind,
          startsAt: zonedTimeToUtc(`${days[item.day]}T${item.from}`, tz),
          endsAt: zonedTimeToUtc(`${days[item.day]}T${item.to}`, tz),
          room: space?.rooms[0] ?? null,
          speakers: item.speakers ?? [],
          themeIds: dialogue.themeIds,
          sequence: 0,
        });
      }
    });
  }
}
