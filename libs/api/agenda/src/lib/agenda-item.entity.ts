import type { AgendaItemKind, AgendaItemTranslatedField, ContentTranslations, Speaker } from '@gfmd/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('agenda_items')
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) dialogueId: string;
  @Column({ type: 'uuid', nullable: true }) spaceId: string | null;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text' }) kind: AgendaItemKind;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'text', nullable: true }) room: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) speakers: Speaker[];
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) themeIds: string[];
  /** iCalendar SEQUENCE: bumped on every change so calendars replace the event. */
  @Column({ type: 'int', default: 0 }) sequence: number;
  /** Title and description in the dialogue's other languages: `{ fr: { title, description } }` (docs/i18n.md). */
  @Column({ type: 'jsonb', default: () => "'{}'" }) translations: ContentTranslations<AgendaItemTranslatedField>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
