import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginResponse, Role, User } from '@gfmd/contracts';
import { AppConfig, conflict, normalizeEmail, ProblemException } from '@gfmd/api-platform';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { AuthUser } from './auth-user';
import { UserRecord, UsersRepository } from './users.repository';

// A hash to verify against when the email is unknown, so response time does not reveal it.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= argon2.hash(randomBytes(16).toString('hex'), { type: argon2.argon2id }));

export const toUser = (u: Pick<UserRecord, 'id' | 'email' | 'name' | 'role'>): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
});

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when no user exists yet. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.isTest) return;
    await this.ensureFirstAdmin();
  }

  async ensureFirstAdmin(): Promise<void> {
    const email = this.config.adminEmail;
    const password = this.config.adminPassword;
    if (!email || !password) return;
    if ((await this.users.count()) > 0) return;
    try {
      await this.createUser({ email, name: 'Administrator', role: 'admin', password });
      this.logger.log('first admin account created');
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error; // another replica won the race
    }
  }

  async login(email: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findByEmail(normalizeEmail(email));
    const valid = await argon2.verify(user?.passwordHash ?? (await getDummyHash()), password).catch(() => false);
    if (!user || !valid || !user.active) {
      throw new ProblemException(401, 'invalid-credentials', 'Email or password is wrong.');
    }
    const accessToken = await this.jwt.signAsync({ sub: user.id, role: user.role });
    return { accessToken, expiresIn: this.config.jwtTtlSeconds, user: toUser(user) };
  }

  /** Verifies a Bearer token and loads its (still active) user; null when invalid. */
  async verify(token: string): Promise<AuthUser | null> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub: string }>(token);
      const user = await this.users.findById(payload.sub);
      return user && user.active ? toUser(user) : null;
    } catch {
      return null;
    }
  }

  async createUser(input: { email: string; name: string; role: Role; password: string }): Promise<User> {
    const email = normalizeEmail(input.email);
    if (await this.users.findByEmail(email)) throw conflict('duplicate-user', 'A user with this email exists.');
    const passwordHash = await argon2.hash(input.password, { type: argon2.argon2id });
    try {
      return toUser(await this.users.create({ email, name: input.name.trim(), role: input.role, passwordHash }));
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw conflict('duplicate-user', 'A user with this email exists.');
      throw error;
    }
  }

  async listUsers(role?: Role): Promise<User[]> {
    return (await this.users.list(role)).map(toUser);
  }

  async usersByIds(ids: string[]): Promise<User[]> {
    return (await this.users.findByIds(ids)).map(toUser);
  }
}
