// Loaders only, so that the console routes keep the reports page out of the initial bundle.
export const loadReportsPage = () => import('./lib/reports.page').then((m) => m.ReportsPage);
