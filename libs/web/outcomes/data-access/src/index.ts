export * from './lib/outcomes.api';
export * from './lib/outcome.store';
export * from './lib/published-outcome.store';
export * from './lib/recommendations.store';
export * from './lib/highlight.util';
