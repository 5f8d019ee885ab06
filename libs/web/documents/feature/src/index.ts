// Loaders only, so that the routes importing them keep these pages out of the initial bundle.
export const loadConsoleDocumentsPage = () =>
  import('./lib/console-documents.page').then((m) => m.ConsoleDocumentsPage);
export const loadContributionConfirmPage = () =>
  import('./lib/contribution-confirm.page').then((m) => m.ContributionConfirmPage);
export const loadContributionPage = () => import('./lib/contribution.page').then((m) => m.ContributionPage);
