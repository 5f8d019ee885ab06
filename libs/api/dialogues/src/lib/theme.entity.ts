import type { FieldTranslations } from '@gfmd/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('themes')
export class ThemeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) title: string;
  /** Titles in other languages (`{ fr: { title }, es: { title } }`): docs/i18n.md. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) translations: FieldTranslations;
  /** null: shared by every process. */
  @Column({ type: 'uuid', nullable: true }) processId: string | null;
}
