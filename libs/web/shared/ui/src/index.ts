// Not exported here, so that a page importing this file does not pull in their Material modules:
// the tab bar and the content language tabs (Material tabs; deprecated for /translation-fields), the confirmation dialog (Material's dialog, ~30 kB) and the form
// defaults, the paginated and paged tables (Material paginator), the country picker (Material autocomplete),
// the email validators (Angular forms, kept out of the first load): import them from
// @gfmd/web-shared-ui/tab-nav, /translation-fields, /confirm, /form-defaults, /paginated-table, /country-field and /email.
export * from './lib/loading-state.component';
export * from './lib/empty-state.component';
export * from './lib/problem-alert.component';
export * from './lib/field-error.pipe';
