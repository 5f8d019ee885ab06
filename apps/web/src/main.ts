import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig } from './app/app.config';
import { App } from './app/app';

// Start Angular in a task of its own, after the one that evaluated the bundle: two shorter tasks
// instead of one long one that would block input on a slow phone (Total Blocking Time).
setTimeout(() => bootstrapApplication(App, appConfig).catch((err) => console.error(err)));
