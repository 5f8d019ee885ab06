// Not exported here, so that a page importing this file does not pull in their Material modules:
// the tab bar (./tab-nav.component, Material tabs) and the confirmation dialog (./confirm.service,
// Material's dialog, ~30 kB). Import them from their files where they are used.
export * from './loading-state.component';
export * from './empty-state.component';
export * from './problem-alert.component';
export * from './field-error.pipe';
