export * from './lib/availability.component';
export * from './lib/lead-time.component';
// Not exported here: the agenda view is deferred on the public dialogue page (its own chunk), so it
// has its own entry point, @gfmd/web-dialogues-ui/agenda-view.
// Staff editors only (their labels are staff words): @gfmd/web-dialogues-ui/space-fields.
