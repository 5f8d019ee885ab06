import type { Routes } from '@angular/router';
import { staffGuard } from '@gfmd/web-auth-data-access';
import { provideFeatureDefaults } from '@gfmd/web-shared-ui/form-defaults';
import { loadRegistrationsTablePage } from '@gfmd/web-registrations-feature';
import { loadMyOutcomesPage, loadOutcomeEditorPage, loadRapporteurOutcomePage } from '@gfmd/web-outcomes-feature';

/** Coordinators' workspace: their spaces only. */
export const workspaceRoutes: Routes = [
  {
    path: '',
    canActivate: [staffGuard],
    providers: provideFeatureDefaults(),
    children: [
      {
        path: '',
        title: 'title.workspace',
        loadComponent: () => import('./workspace.page').then((m) => m.WorkspacePage),
      },
      {
        // "My outcomes": the outcomes naming the signed-in staff member rapporteur (any role).
        path: 'outcomes',
        title: 'title.myOutcomes',
        loadComponent: loadMyOutcomesPage,
      },
      {
        // Before ':dialogueId/:spaceId', which the same two segments would match.
        path: 'outcomes/:dialogueId',
        title: 'title.outcome',
        loadComponent: loadRapporteurOutcomePage,
      },
      {
        path: ':dialogueId/:spaceId',
        loadComponent: () => import('./coordinator-space.layout').then((m) => m.CoordinatorSpaceLayout),
        children: [
          {
            path: '',
            title: 'title.workspace',
            data: { keepFocus: true },
            loadComponent: () => import('./space-approvals.page').then((m) => m.SpaceApprovalsPage),
          },
          {
            path: 'participants',
            title: 'title.workspace',
            data: { keepFocus: true },
            loadComponent: loadRegistrationsTablePage,
          },
          {
            path: 'agenda',
            title: 'title.workspace',
            data: { keepFocus: true },
            loadComponent: () => import('@gfmd/web-agenda-feature').then((m) => m.AgendaBuilderPage),
          },
          {
            // The space's rooms and description, and the description's translations.
            path: 'details',
            title: 'title.workspace',
            data: { keepFocus: true },
            loadComponent: () => import('./space-details.page').then((m) => m.SpaceDetailsPage),
          },
          {
            path: 'message',
            title: 'title.workspace',
            data: { keepFocus: true },
            loadComponent: () => import('./space-message.page').then((m) => m.SpaceMessagePage),
          },
          {
            // The dialogue's outcome: a coordinator edits their spaces' recommendations, reads the rest.
            path: 'outcome',
            title: 'title.outcome',
            data: { keepFocus: true },
            loadComponent: loadOutcomeEditorPage,
          },
        ],
      },
    ],
  },
];
