/**
 * The TypeORM data source for the CLI (migration:generate / show / revert), reading
 * DATABASE_URL. The apps themselves build theirs from the typed config (DatabaseModule).
 */
import 'reflect-metadata';
import { AgendaItemEntity } from '@gfmd/api-agenda';
import { UserEntity } from '@gfmd/api-auth';
import { DialogueEntity, InformalSessionEntity, ThemeEntity } from '@gfmd/api-dialogues';
import { InvitationEntity } from '@gfmd/api-invitations';
import { OutboundEmailEntity } from '@gfmd/api-mail';
import { MIGRATIONS, SnakeNamingStrategy } from '@gfmd/api-platform';
import { RegistrationEntity, RegistrationSpaceEntity } from '@gfmd/api-registrations';
import { SpaceEntity } from '@gfmd/api-spaces';
import { DataSource } from 'typeorm';

export default new DataSource({
  type: 'postgres',
  url: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gfmd',
  namingStrategy: new SnakeNamingStrategy(),
  entities: [
    UserEntity,
    ThemeEntity,
    InformalSessionEntity,
    DialogueEntity,
    SpaceEntity,
    AgendaItemEntity,
    InvitationEntity,
    RegistrationEntity,
    RegistrationSpaceEntity,
    OutboundEmailEntity,
  ],
  migrations: MIGRATIONS,
  migrationsTableName: 'migrations',
});
