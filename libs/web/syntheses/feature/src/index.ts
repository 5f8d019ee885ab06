// Loaders only, so that the routes importing them keep every page of this set out of the initial bundle.
export const loadSynthesisBuilderPage = () =>
  import('./lib/synthesis-builder.page').then((m) => m.SynthesisBuilderPage);
export const loadSynthesisPage = () => import('./lib/synthesis.page').then((m) => m.SynthesisPage);
export const loadSubscriptionLinkPage = () =>
  import('./lib/subscription-link.page').then((m) => m.SubscriptionLinkPage);
export const loadSynthesisDuesComponent = () =>
  import('./lib/synthesis-dues.component').then((m) => m.SynthesisDuesComponent);
// A small list, imported statically by the process pages (themselves lazy).
export { SynthesisDuesComponent } from './lib/synthesis-dues.component';
