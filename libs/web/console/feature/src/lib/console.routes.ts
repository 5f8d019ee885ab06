import type { Routes } from '@angular/router';
import { adminGuard, organizerGuard } from '@gfmd/web-auth-data-access';
import { provideFeatureDefaults } from '@gfmd/web-shared-ui/form-defaults';
import { loadRegistrationsTablePage } from '@gfmd/web-registrations-feature';
import { loadOutcomeEditorPage } from '@gfmd/web-outcomes-feature';
import { loadDelegationsConsolePage } from '@gfmd/web-delegations-feature';
import { loadAttendancePage } from '@gfmd/web-check-in-feature';
import { loadConsoleDocumentsPage } from '@gfmd/web-documents-feature';
import { loadSynthesisBuilderPage } from '@gfmd/web-syntheses-feature';
import { loadReportsPage } from '@gfmd/web-reports-feature';

/** The organizer console (admin and organizer accounts). */
export const consoleRoutes: Routes = [
  {
    path: '',
    canActivate: [organizerGuard],
    providers: provideFeatureDefaults(),
    loadComponent: () => import('./console-layout.component').then((m) => m.ConsoleLayoutComponent),
    children: [
      {
        path: '',
        title: 'title.console',
        loadComponent: () => import('./console-home.page').then((m) => m.ConsoleHomePage),
      },
      {
        path: 'dialogues/new',
        title: 'title.newDialogue',
        loadComponent: () => import('./dialogue-editor.page').then((m) => m.DialogueEditorPage),
      },
      {
        path: 'dialogues/:id',
        loadComponent: () => import('./dialogue-workspace.layout').then((m) => m.DialogueWorkspaceLayout),
        children: [
          {
            path: '',
            title: 'title.dialogueEditor',
            data: { keepFocus: true },
            loadComponent: () => import('./dialogue-editor.page').then((m) => m.DialogueEditorPage),
          },
          {
            path: 'spaces',
            title: 'title.spaces',
            data: { keepFocus: true },
            loadComponent: () => import('./spaces-editor.page').then((m) => m.SpacesEditorPage),
          },
          {
            path: 'questions',
            title: 'title.questions',
            data: { keepFocus: true },
            loadComponent: () => import('./questions-editor.page').then((m) => m.QuestionsEditorPage),
          },
          {
            path: 'agenda',
            title: 'title.agenda',
            data: { keepFocus: true },
            loadComponent: () => import('@gfmd/web-agenda-feature').then((m) => m.AgendaBuilderPage),
          },
          {
            path: 'registrations',
            title: 'title.registrations',
            data: { keepFocus: true, staffRegistration: true },
            loadComponent: loadRegistrationsTablePage,
          },
          {
            path: 'delegations',
            title: 'title.delegations',
            data: { keepFocus: true },
            loadComponent: loadDelegationsConsolePage,
          },
          {
            path: 'invitations',
            title: 'title.invitations',
            data: { keepFocus: true },
            loadComponent: () => import('@gfmd/web-invitations-feature').then((m) => m.InvitationsPage),
          },
          {
            path: 'outcome',
            title: 'title.outcome',
            data: { keepFocus: true },
            loadComponent: loadOutcomeEditorPage,
          },
          {
            path: 'attendance',
            title: 'title.attendance',
            data: { keepFocus: true },
            loadComponent: loadAttendancePage,
          },
          {
            path: 'documents',
            title: 'title.documents',
            data: { keepFocus: true },
            loadComponent: loadConsoleDocumentsPage,
          },
        ],
      },
      {
        path: 'processes',
        title: 'title.processes',
        loadComponent: () => import('./process-list.page').then((m) => m.ProcessListPage),
      },
      {
        path: 'processes/:id',
        title: 'title.processEditor',
        loadComponent: () => import('./process-editor.page').then((m) => m.ProcessEditorPage),
      },
      {
        path: 'processes/:id/reports',
        title: 'title.reports',
        loadComponent: loadReportsPage,
      },
      {
        // The synthesis of an informal session or milestone (target: informal-sessions | milestones).
        path: 'syntheses/:target/:id',
        title: 'title.synthesisBuilder',
        loadComponent: loadSynthesisBuilderPage,
      },
      {
        path: 'outbox',
        title: 'title.outbox',
        canActivate: [adminGuard],
        loadComponent: () => import('@gfmd/web-outbox-feature').then((m) => m.OutboxPage),
      },
      {
        path: 'staff',
        title: 'title.staff',
        canActivate: [adminGuard],
        loadComponent: () => import('@gfmd/web-admin-feature').then((m) => m.StaffPage),
      },
      {
        path: 'audit',
        title: 'title.audit',
        canActivate: [adminGuard],
        loadComponent: () => import('@gfmd/web-admin-feature').then((m) => m.AuditPage),
      },
      {
        path: 'webhooks',
        title: 'title.webhooks',
        canActivate: [adminGuard],
        loadComponent: () => import('@gfmd/web-admin-feature').then((m) => m.WebhooksPage),
      },
    ],
  },
];
