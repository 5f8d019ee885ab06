// Loaders only, so that the routes importing them keep every page of this set out of the initial bundle.
export const loadRecommendationsRoutes = () =>
  import('./lib/recommendations.routes').then((m) => m.recommendationsRoutes);
export const loadPublicOutcomePage = () => import('./lib/public-outcome.page').then((m) => m.PublicOutcomePage);
export const loadMyOutcomesPage = () => import('./lib/my-outcomes.page').then((m) => m.MyOutcomesPage);
export const loadRapporteurOutcomePage = () =>
  import('./lib/rapporteur-outcome.page').then((m) => m.RapporteurOutcomePage);
export const loadOutcomeEditorPage = () => import('./lib/outcome-editor.page').then((m) => m.OutcomeEditorPage);
