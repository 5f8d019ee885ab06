import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export function typeOrmOptions(config: AppConfig) {
  return {
    type: 'postgres' as const,
    url: config.databaseUrl,
    namingStrategy: new SnakeNamingStrategy(),
    autoLoadEntities: true,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    extra: { max: config.dbPoolSize, application_name: 'gfmd' },
    logging: false,
  };
}

@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRootAsync({ inject: [AppConfig], useFactory: typeOrmOptions })],
    };
  }
}
