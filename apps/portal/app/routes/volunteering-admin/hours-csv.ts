import { organisationHoursCsvRoute } from '@talkoot/volunteering/schemas';
import { routePath, routeQueryString } from '@talkoot/platform/schemas';
import { data } from 'react-router';
import type { Route } from './+types/hours-csv';
import { requireCoordinator } from '../../components/volunteering/coordinator.server';
import { getConfig } from '../../lib/config.server';
import { getRequestState } from '../../lib/session.server';

const isDay = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

// The hours as a CSV file: the api's download passed on with the signed-in coordinator's session.
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireCoordinator(state, params.id);
  const query = new URL(request.url).searchParams;
  const language = ['fi', 'sv', 'en'].includes(query.get('language') ?? '') ? (query.get('language') as 'fi') : undefined;
  const path = `${routePath(organisationHoursCsvRoute, { id: params.id })}${routeQueryString({ from: isDay(query.get('from')), to: isDay(query.get('to')), language })}`;
  const answer = await fetch(`${getConfig().apiUrl}${path}`, {
    headers: { Authorization: `Bearer ${state.token ?? ''}`, Accept: 'text/csv' },
    signal: AbortSignal.timeout(15_000),
  });
  if (!answer.ok) throw data({ code: 'api_error' }, { status: answer.status === 403 ? 403 : 502 });
  return new Response(answer.body, {
    headers: {
      'Content-Type': answer.headers.get('Content-Type') ?? 'text/csv; charset=utf-8',
      'Content-Disposition': answer.headers.get('Content-Disposition') ?? 'attachment; filename="hours.csv"',
      'Cache-Control': 'private, no-store',
    },
  });
}
