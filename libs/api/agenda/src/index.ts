export * from './lib/agenda-item.entity';
export * from './lib/agenda.module';
