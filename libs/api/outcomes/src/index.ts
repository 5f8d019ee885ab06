export * from './lib/outcome.dto';
export * from './lib/outcome-diff';
export * from './lib/outcomes.module';
export * from './lib/outcomes.service';
export * from './lib/recommendations.service';
export * from './lib/published-recommendations.port';
