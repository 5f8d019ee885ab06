// Searching labels and countries as people type: its own entry point
// (@gfmd/web-shared-util-i18n/search), so the first load does not carry it.
export * from './lib/option-labels';
export * from './lib/country-search';
