import type { Routes } from '@angular/router';
import { provideFeatureDefaults } from '@gfmd/web-shared-ui/form-defaults';

/** Public pages of the published recommendations: the search, and one recommendation by its reference. */
export const recommendationsRoutes: Routes = [
  {
    path: '',
    providers: provideFeatureDefaults(),
    children: [
      {
        path: '',
        title: 'title.recommendations',
        loadComponent: () => import('./recommendation-search.page').then((m) => m.RecommendationSearchPage),
      },
      {
        path: ':reference',
        title: 'title.recommendation',
        loadComponent: () => import('./recommendation.page').then((m) => m.RecommendationPage),
      },
    ],
  },
];
