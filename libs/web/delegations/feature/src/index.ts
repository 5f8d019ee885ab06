export const loadFocalPointPage = () => import('./lib/focal-point.page').then((m) => m.FocalPointPage);
