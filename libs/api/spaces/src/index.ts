export * from './lib/space.entity';
export * from './lib/spaces.module';
