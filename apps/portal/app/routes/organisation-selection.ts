import { redirect } from 'react-router';
import type { Route } from './+types/organisation-selection';
import { toSafeRedirect } from '../lib/redirects';
import { assertSameOrigin, redirectWithCookies } from '../lib/responses.server';
import { getRequestState, requireViewer, serializeOrganisationCookie } from '../lib/session.server';

export function loader() {
  return redirect('/');
}

// The header's organisation switcher: remembers which of the user's organisations they act for.
export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(request);
  const viewer = requireViewer(getRequestState(context));
  const form = await request.formData();
  const organisationId = form.get('organisationId');
  const redirectTo = toSafeRedirect(form.get('redirectTo'));
  const isMember = viewer.memberships.some((m) => m.organisation.id === organisationId);
  if (typeof organisationId !== 'string' || !isMember) return redirectWithCookies(redirectTo);
  return redirectWithCookies(redirectTo, [serializeOrganisationCookie(organisationId)]);
}
