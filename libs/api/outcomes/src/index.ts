export * from './lib/outcome.dto';
export * from './lib/outcome-diff';
export * from './lib/outcomes.module';
export * from './lib/outcome-drafting.service';
export * from './lib/outcome-publishing.service';
export * from './lib/outcome-review.service';
export * from './lib/recommendations.service';
export * from './lib/published-recommendations.port';
