// The confirmation dialog is not exported here: it brings Material's dialog (~30 kB) into every
// page that imports this file. Import it from './confirm.service' where it is used.
export * from './loading-state.component';
export * from './empty-state.component';
export * from './problem-alert.component';
export * from './field-error.pipe';
