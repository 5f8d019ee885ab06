export * from './lib/space.dto';
export * from './lib/space.entity';
export * from './lib/spaces.module';
export * from './lib/spaces.repository';
export * from './lib/spaces.service';
export * from './lib/space-hooks';
export * from './lib/space-usage';
