// Each page is its own lazy chunk: routes elsewhere load them through these functions (the
// public registration page must not wait for the staff table's Material modules).
export const loadManageRoutes = () => import('./lib/manage.routes').then((m) => m.manageRoutes);
export const loadRegisterPage = () => import('./lib/register.page').then((m) => m.RegisterPage);
export const loadRegistrationResultPage = () =>
  import('./lib/registration-result.page').then((m) => m.RegistrationResultPage);
export const loadRegistrationsTablePage = () =>
  import('./lib/registrations-table.page').then((m) => m.RegistrationsTablePage);
export const loadInvitationDeclinePage = () =>
  import('./lib/invitation-decline.page').then((m) => m.InvitationDeclinePage);
