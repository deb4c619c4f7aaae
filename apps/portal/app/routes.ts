import { index, route, type RouteConfig } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('sign-in', 'routes/sign-in.tsx'),
  route('sign-in/code', 'routes/sign-in-code.tsx'),
  route('sign-in/link', 'routes/sign-in-link.tsx'),
  route('sign-out', 'routes/sign-out.tsx'),
  route('language', 'routes/language.ts'),
  route('organisation-selection', 'routes/organisation-selection.ts'),
  route('profile', 'routes/profile.tsx'),
  route('invitations/:token', 'routes/invitation.tsx'),
  route('organisations', 'routes/organisations.tsx'),
  route('organisations/:id', 'routes/organisation.tsx'),
  route('venues', 'routes/venues/index.tsx'),
  route('venues/:id', 'routes/venues/venue.tsx'),
  route('venues/:id/manage', 'routes/venues/manage.tsx'),
  route('bookings', 'routes/venues/bookings.tsx'),
  route('admin/organisations', 'routes/admin/organisations.tsx'),
  route('admin/organisations/:id', 'routes/admin/organisation.tsx'),
  route('dev/mail', 'routes/dev/mail.tsx'),
  route('dev/mail/:id', 'routes/dev/mail-message.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
