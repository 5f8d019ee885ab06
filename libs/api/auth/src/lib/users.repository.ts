import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@gfmd/contracts';
import { In, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  passwordHash: string;
}

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
  constructor(@InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>) {}

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
    return (await this.repo.find({ where: role ? { role } : {}, order: { name: 'ASC' } })).map(toRecord);
  }
  async count(): Promise<number> {
    return this.repo.count();
  }
  async create(data: { email: string; name: string; role: Role; passwordHash: string }): Promise<UserRecord> {
    return toRecord(await this.repo.save(this.repo.create({ ...data, active: true })));
  }
  async update(id: string, data: Partial<Pick<UserEntity, 'name' | 'role' | 'passwordHash' | 'active'>>) {
    await this.repo.update({ id }, data);
  }
}
