export const loadFocalPointPage = () => import('./lib/focal-point.page').then((m) => m.FocalPointPage);
export const loadDelegationsConsolePage = () =>
  import('./lib/delegations-console.page').then((m) => m.DelegationsConsolePage);
