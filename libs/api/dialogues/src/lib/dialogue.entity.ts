import type {
  ContentTranslations,
  DialogueFormat,
  DialogueStatus,
  DialogueTranslatedField,
  ReaderLanguage,
  StakeholderQuotas,
} from '@gfmd/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('dialogues')
export class DialogueEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', default: '' }) summary: string;
  @Column({ type: 'uuid' }) informalSessionId: string;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) themeIds: string[];
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'text' }) timeZone: string;
  @Column({ type: 'text', default: '' }) venue: string;
  @Column({ type: 'text' }) format: DialogueFormat;
  @Column({ type: 'text', nullable: true }) onlineUrl: string | null;
  @Column({ type: 'int' }) capacity: number;
  /** Hybrid dialogues: the online seats (null: unlimited); `capacity` is then the in-person seats. */
  @Column({ type: 'int', nullable: true }) onlineCapacity: number | null;
  @Column({ type: 'timestamptz', nullable: true }) registrationOpensAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) registrationClosesAt: Date | null;
  @Column({ type: 'boolean', default: false }) approvalRequired: boolean;
  @Column({ type: 'jsonb', nullable: true }) stakeholderQuotas: StakeholderQuotas | null;
  /** Content languages; the first is the one `title` and `summary` are written in (docs/i18n.md). */
  @Column({ type: 'text', array: true, default: () => "'{en}'" }) languages: ReaderLanguage[];
  /** Title and summary in the other languages: `{ fr: { title, summary } }` (docs/i18n.md). */
  @Column({ type: 'jsonb', default: () => "'{}'" }) translations: ContentTranslations<DialogueTranslatedField>;
  @Column({ type: 'text', default: 'draft' }) status: DialogueStatus;
  /** Confirmed seats, kept by the registration service under the dialogue row lock. */
  @Column({ type: 'int', default: 0 }) confirmedCount: number;
  /** Hybrid dialogues: confirmed online seats (in-person ones are `confirmedCount`), kept like it. */
  @Column({ type: 'int', default: 0 }) onlineConfirmedCount: number;
  /** When it was first made public (kept when it is cancelled later: the calendar feed shows it cancelled). */
  @Column({ type: 'timestamptz', nullable: true }) firstPublishedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
