// Loaders only, so that the routes importing them keep door mode out of the initial bundle.
export const loadDoorRoutes = () => import('./lib/door.routes').then((m) => m.doorRoutes);
export const loadAttendancePage = () => import('./lib/attendance.page').then((m) => m.AttendancePage);
