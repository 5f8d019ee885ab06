import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('themes')
export class ThemeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) title: string;
  /** null: shared by every process. */
  @Column({ type: 'uuid', nullable: true }) processId: string | null;
}
