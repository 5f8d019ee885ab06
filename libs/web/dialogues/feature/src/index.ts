// The detail page is in the initial bundle (see app.routes); the other public pages load lazily.
export * from './lib/dialogue-detail.page';
export const loadDialoguesRoutes = () => import('./lib/dialogues.routes').then((m) => m.dialoguesRoutes);
