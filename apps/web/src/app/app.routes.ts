import type { Route } from '@angular/router';
import { DialogueDetailPage, loadDialoguesRoutes } from '@gfmd/web-dialogues-feature';
import { loadInvitationDeclinePage, loadManageRoutes } from '@gfmd/web-registrations-feature';
import { loadPublicOutcomePage, loadRecommendationsRoutes } from '@gfmd/web-outcomes-feature';
import { loadDoorRoutes } from '@gfmd/web-check-in-feature';
import { loadContributionConfirmPage, loadContributionPage } from '@gfmd/web-documents-feature';
import { loadSubscriptionLinkPage, loadSynthesisPage } from '@gfmd/web-syntheses-feature';
import { loadForbiddenPage, loadNotFoundPage } from '@gfmd/web-shell-feature';
import { staffDictionary } from '@gfmd/web-shared-util-i18n';

export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'dialogues' },
  {
    // The public dialogue page, where invitations and search results land, is part of the initial
    // bundle (~9 kB gzipped): a lazy page would wait for its chunk and that chunk's imports, one
    // round trip each, before its title could render (docs/performance.md, Web).
    path: 'dialogues/:id',
    title: 'title.dialogues',
    component: DialogueDetailPage,
  },
  {
    // Public: the published outcome of a dialogue (summary, key messages, citable recommendations).
    path: 'dialogues/:id/outcome',
    title: 'title.dialogueOutcome',
    loadComponent: loadPublicOutcomePage,
  },
  {
    path: 'dialogues',
    loadChildren: loadDialoguesRoutes,
  },
  {
    // One process's timeline (phases, milestones, sessions, dialogues), lazy: its chart, list and
    // table would otherwise weigh on every first visit.
    path: 'timeline',
    title: 'title.timeline',
    loadComponent: () => import('@gfmd/web-timeline-feature').then((m) => m.ProcessTimelinePage),
  },
  {
    path: 'processes/:slug/timeline',
    title: 'title.timeline',
    loadComponent: () => import('@gfmd/web-timeline-feature').then((m) => m.ProcessTimelinePage),
  },
  {
    // Public: the published recommendations, searchable, each at its stable reference.
    path: 'recommendations',
    loadChildren: loadRecommendationsRoutes,
  },
  {
    // Public: a published synthesis of an informal session or milestone, its downloads and subscribing.
    path: 'syntheses/:target/:id',
    title: 'title.synthesis',
    loadComponent: loadSynthesisPage,
  },
  {
    // The confirm and unsubscribe links of a synthesis subscriber's emails.
    path: 'subscriptions/:action/:token',
    title: 'title.subscription',
    loadComponent: loadSubscriptionLinkPage,
  },
  {
    path: 'manage/:token',
    title: 'title.manage',
    loadChildren: loadManageRoutes,
  },
  {
    // The focal point's private link (delegation email): name, replace and withdraw delegates.
    path: 'delegations/:token',
    title: 'title.delegation',
    loadComponent: () => import('@gfmd/web-delegations-feature').then((m) => m.loadFocalPointPage()),
  },
  {
    // The contribution email's link: asks, then confirms (GET changes nothing).
    path: 'contributions/confirm/:token',
    title: 'title.confirmContribution',
    loadComponent: loadContributionConfirmPage,
  },
  {
    // An accepted contribution's page, with the recommendations that cite it.
    path: 'contributions/:id',
    title: 'title.contribution',
    loadComponent: loadContributionPage,
  },
  {
    // The invitation email's decline link: asks, then declines (GET changes nothing).
    path: 'invitations/decline/:token',
    title: 'title.declineInvitation',
    loadComponent: loadInvitationDeclinePage,
  },
  {
    path: 'console',
    // staff screens: their keys (en-staff.ts and its translations) load before the page renders
    canMatch: [staffDictionary],
    loadChildren: () => import('@gfmd/web-console-feature').then((m) => m.consoleRoutes),
  },
  {
    path: 'workspace',
    // staff screens: their keys (en-staff.ts and its translations) load before the page renders
    canMatch: [staffDictionary],
    loadChildren: () => import('@gfmd/web-coordinator-feature').then((m) => m.workspaceRoutes),
  },
  {
    // Door mode (check-in at the door): staff screens, and the only page of door staff.
    path: 'door',
    canMatch: [staffDictionary],
    loadChildren: loadDoorRoutes,
  },
  {
    path: 'login',
    loadChildren: () => import('@gfmd/web-auth-feature').then((m) => m.authRoutes),
  },
  {
    // Public: the set-password link of a staff invitation or password reset email.
    path: 'set-password',
    loadChildren: () => import('@gfmd/web-auth-feature').then((m) => m.setPasswordRoutes),
  },
  {
    path: 'account',
    // staff screens: their keys (en-staff.ts and its translations) load before the page renders
    canMatch: [staffDictionary],
    loadChildren: () => import('@gfmd/web-auth-feature').then((m) => m.accountRoutes),
  },
  {
    path: 'forbidden',
    title: 'title.forbidden',
    loadComponent: loadForbiddenPage,
  },
  {
    path: '**',
    title: 'title.notFound',
    loadComponent: loadNotFoundPage,
  },
];
