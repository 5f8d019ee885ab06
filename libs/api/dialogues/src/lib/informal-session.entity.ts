import type { ContentTranslations } from '@gfmd/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('informal_sessions')
export class InformalSessionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) processId: string;
  @Column({ type: 'int' }) number: number;
  @Column({ type: 'text' }) title: string;
  /** Title and venue in other languages (`{ fr: { title, venue } }`): docs/i18n.md. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) translations: ContentTranslations<'title' | 'venue'>;
  @Column({ type: 'uuid' }) themeId: string;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'text' }) venue: string;
  /** IANA zone of the venue, kept beside the UTC instants. */
  @Column({ type: 'text' }) timeZone: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
