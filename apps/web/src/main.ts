import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig } from './app/app.config';
import { App } from './app/app';
import { keepPaintedFocus } from './painted-focus';

// Start Angular in a task of its own, after the one that evaluated the bundle: two shorter tasks
// instead of one long one that would block input on a slow phone (Total Blocking Time).
setTimeout(() => {
  const restoreFocus = keepPaintedFocus();
  bootstrapApplication(App, appConfig)
    .then(restoreFocus)
    .catch((err) => console.error(err));
});
