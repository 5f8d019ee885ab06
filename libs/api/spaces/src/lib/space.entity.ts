import type {
  ContentTranslations,
  SpaceAccess,
  SpaceKind,
  SpaceTranslatedField,
  StakeholderGroup,
} from '@gfmd/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('spaces')
export class SpaceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) dialogueId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) kind: SpaceKind;
  @Column({ type: 'text', nullable: true }) coordinatingGroup: StakeholderGroup | null;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) coordinatorUserIds: string[];
  @Column({ type: 'int', nullable: true }) capacity: number | null;
  @Column({ type: 'text', default: 'open' }) access: SpaceAccess;
  @Column({ type: 'text', array: true, nullable: true }) allowedGroups: StakeholderGroup[] | null;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) rooms: string[];
  /** Name and description in the dialogue's other languages: `{ fr: { name, description } }` (docs/i18n.md). */
  @Column({ type: 'jsonb', default: () => "'{}'" }) translations: ContentTranslations<SpaceTranslatedField>;
  /** Confirmed seats in this space, kept by the registration service under the row lock. */
  @Column({ type: 'int', default: 0 }) confirmedCount: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
