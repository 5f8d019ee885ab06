import { Injectable, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Language, Role } from '@gfmd/contracts';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

export interface StaffContact {
  id: string;
  email: string;
  name: string;
  /** Staff have no language setting yet: English. */
  language: Language;
}

/** Who to tell about something among the staff, for other domains (the retention warnings). */
@Injectable()
export class StaffDirectory {
  constructor(private readonly users: UsersRepository) {}

  /** The active users among `userIds`, and every active user of `roles`, once each. */
  async contacts(userIds: string[], roles: Role[]): Promise<StaffContact[]> {
    const found = new Map<string, StaffContact>();
    const named = await this.users.findByIds(userIds.filter(Boolean));
    const byRole = (await Promise.all(roles.map((r) => this.users.list(r)))).flat();
    for (const u of [...named, ...byRole]) {
      if (u.active) found.set(u.id, { id: u.id, email: u.email, name: u.name, language: 'en' });
    }
    return [...found.values()];
  }
}

/** The users table's repository and the staff directory, without HTTP or tokens (for the worker). */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity])],
  providers: [UsersRepository, StaffDirectory],
  exports: [UsersRepository, StaffDirectory],
})
export class UsersCoreModule {}
