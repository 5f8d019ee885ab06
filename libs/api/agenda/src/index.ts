export * from './lib/agenda-item.dto';
export * from './lib/agenda-item.entity';
export * from './lib/agenda-view.util';
export * from './lib/agenda.module';
export * from './lib/agenda.repository';
export * from './lib/agenda.service';
export * from './lib/ics.util';
export * from './lib/timeline.service';
