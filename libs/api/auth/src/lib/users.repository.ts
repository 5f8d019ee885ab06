import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@gfmd/contracts';
import { byName, currentManager } from '@gfmd/api-platform';
import { DataSource, In, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  /** null while an invited person has not set their password. */
  passwordHash: string | null;
}

/** A user as the auth guard sees them for one token: current role and state, and whether the token was revoked. */
export interface SessionRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  revoked: boolean;
}

export type UserPatch = Partial<Pick<UserEntity, 'role' | 'active'>>;

const toRecord = (u: UserEntity): UserRecord => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  active: u.active,
  passwordHash: u.passwordHash,
});

@Injectable()
export class UsersRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The users repository of the current transaction (or autocommit outside one). */
  private get tx(): Repository<UserEntity> {
    return currentManager(this.dataSource).getRepository(UserEntity);
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const u = await this.repo.findOne({ where: { email } });
    return u ? toRecord(u) : null;
  }
  async findById(id: string): Promise<UserRecord | null> {
    const u = await this.repo.findOne({ where: { id } });
    return u ? toRecord(u) : null;
  }
  async findByIds(ids: string[]): Promise<UserRecord[]> {
    if (!ids.length) return [];
    return (await this.repo.find({ where: { id: In(ids) } })).map(toRecord);
  }
  async list(role?: Role): Promise<UserRecord[]> {
    const qb = this.repo.createQueryBuilder('u').orderBy(byName('u.name'), 'ASC').addOrderBy('u.id', 'ASC');
    if (role) qb.where('u.role = :role', { role });
    return (await qb.getMany()).map(toRecord);
  }
  async count(): Promise<number> {
    return this.repo.count();
  }
  async create(data: { email: string; name: string; role: Role; passwordHash: string | null }): Promise<UserRecord> {
    return toRecord(await this.tx.save(this.tx.create({ ...data, active: true })));
  }
  /**
   * The user behind a token and whether the token is revoked, in one statement (two primary-key
   * lookups): what the auth guard runs on every authenticated request.
   */
  async findSession(userId: string, jti: string): Promise<SessionRecord | null> {
    const rows: SessionRecord[] = await this.repo.query(
      `SELECT u.id, u.email, u.name, u.role, u.active,
              EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.jti = $2) AS revoked
         FROM users u WHERE u.id = $1`,
      [userId, jti],
    );
    return rows[0] ?? null;
  }

  /** Records a signed-out token until it expires, and forgets those that have expired. */
  async revokeToken(jti: string, userId: string, expiresAt: Date): Promise<void> {
    await this.repo.query(
      `INSERT INTO revoked_tokens (jti, user_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT (jti) DO NOTHING`,
      [jti, userId, expiresAt],
    );
    await this.repo.query(`DELETE FROM revoked_tokens WHERE expires_at < now()`);
  }

  /**
   * Changes a user's role or state with every active admin row locked, so that two changes at
   * once cannot both remove "the other" admin. `check` sees the user and the number of active
   * admins before the change and throws to refuse it. Null when the user does not exist.
   * Runs in the current transaction (the caller's `inTransaction`, where the audit line goes too).
   */
  async updateWithAdminsLocked(
    id: string,
    patch: UserPatch,
    check: (user: UserRecord, activeAdmins: number) => void,
  ): Promise<UserRecord | null> {
    const m = currentManager(this.dataSource);
    const admins: { id: string }[] = await m.query(`SELECT id FROM users WHERE role = 'admin' AND active FOR UPDATE`);
    const user = await m.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) return null;
    check(toRecord(user), admins.length);
    if (patch.role !== undefined) user.role = patch.role;
    if (patch.active !== undefined) user.active = patch.active;
    return toRecord(await m.save(user));
  }

  async update(id: string, data: Partial<Pick<UserEntity, 'name' | 'role' | 'passwordHash' | 'active'>>) {
    await this.tx.update({ id }, data);
  }
}
