import type { MilestoneKind, PhaseKind, FieldTranslations, ContentTranslations } from '@gfmd/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('processes')
export class ProcessEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) slug: string;
  /** In the references of its recommendations: `GFMD-<code>-T3-D12-R04`. */
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) title: string;
  /** Titles in other languages (`{ fr: { title }, es: { title } }`): docs/i18n.md. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) translations: FieldTranslations;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

/** A band of a process's calendar (consultation, stocktaking, negotiation…), inside the process. */
@Entity('phases')
export class PhaseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) processId: string;
  @Column({ type: 'text' }) kind: PhaseKind;
  @Column({ type: 'text' }) title: string;
  /** Titles in other languages (`{ fr: { title }, es: { title } }`): docs/i18n.md. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) translations: FieldTranslations;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
}

/** A dated event of a process (a stocktaking meeting, a conference, a deadline) in its venue's zone. */
@Entity('milestones')
export class MilestoneEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) processId: string;
  @Column({ type: 'text' }) kind: MilestoneKind;
  @Column({ type: 'text' }) title: string;
  /** Title and venue in other languages (`{ fr: { title, venue } }`): docs/i18n.md. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) translations: ContentTranslations<'title' | 'venue'>;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) endsAt: Date | null;
  @Column({ type: 'text', nullable: true }) venue: string | null;
  @Column({ type: 'text' }) timeZone: string;
}
