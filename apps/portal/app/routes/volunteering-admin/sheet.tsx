import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/sheet';
import { whenText } from '../../components/bookings/booking-format';
import { QrSvg } from '../../components/lending/qr-label';
import { qrShape } from '../../components/lending/qr-shape.server';
import { PageTitle } from '../../components/page-title';
import { publicOrigin } from '../../components/print/print-data.server';
import { eventSheetRoute } from '@talkoot/volunteering/schemas';
import { loadEventChoices, requireCoordinator } from '../../components/volunteering/coordinator.server';
import { localText, requirementNameKeys } from '../../components/volunteering/volunteering-view';
import volunteeringStyles from '../../components/volunteering/volunteering.css?url';
import { loadFromApi } from '../../lib/api.server';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: volunteeringStyles }];

// A printed page needs no scripts.
export const handle = { hydrate: false };

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisationName } = requireCoordinator(state, params.id);
  const [sheet, events] = await Promise.all([
    loadFromApi(state, eventSheetRoute, { params: { id: params.id, eventId: params.eventId } }),
    loadEventChoices(state, params.id, state.language),
  ]);
  const listUrl = `${publicOrigin(request)}/events/${params.eventId}/volunteering`;
  return {
    organisationId: params.id,
    organisationName,
    event: events.find((event) => event.id === params.eventId) ?? null,
    sheet,
    listUrl,
    qr: qrShape(listUrl),
  };
}

// The A4 paper sign-up sheet for the wall: every task and shift with numbered lines (names already
// given are printed in), large print, and a QR code to the same list online.
export default function PaperSheet() {
  const { t, language } = useI18n();
  const { organisationId, organisationName, event, sheet, listUrl, qr } = useLoaderData<typeof loader>();
  const title = t('volunteeringAdmin.sheet.title', { event: event?.title ?? '' });
  return (
    <div className="vol-sheet">
      <PageTitle title={title} />
      <p className="breadcrumb">
        <Link to={`/organisations/${organisationId}/volunteering`}>
          {t('volunteeringAdmin.title', { name: organisationName })}
        </Link>
      </p>
      <p className="no-print panel panel--info">{t('volunteeringAdmin.sheet.printHint')}</p>
      <div className="vol-sheet__qr">
        <QrSvg shape={qr} title={t('volunteeringAdmin.sheet.qr')} />
      </div>
      <h1>{title}</h1>
      <p className="lead">{t('volunteeringAdmin.sheet.intro', { organisation: organisationName })}</p>
      <p>
        {t('volunteeringAdmin.sheet.online')} <span className="break">{listUrl}</span>
      </p>
      {sheet.tasks.map((task) => (
        <section key={task.id} className="vol-sheet__task">
          <h2>{localText(task.title, language)}</h2>
          <p>
            {task.place ? `${task.place} · ` : ''}
            {t('volunteering.task.contact')}: {task.contact.name}
            {task.contact.phone ? `, ${task.contact.phone}` : ''}
            {task.requirements.length > 0 ? ` · ${task.requirements.map((code) => t(requirementNameKeys[code])).join(', ')}` : ''}
          </p>
          {task.shifts.map((shift) => (
            <table key={shift.id}>
              <caption>
                <strong>{whenText(shift.startsAt, shift.endsAt, language)}</strong>
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="vol-sheet__no">
                    {t('volunteeringAdmin.sheet.no')}
                  </th>
                  <th scope="col">{t('volunteering.claim.name')}</th>
                  <th scope="col">{t('volunteering.claim.phone')}</th>
                </tr>
              </thead>
              <tbody>
                {shift.places.map((place) => (
                  <tr key={place.placeNo}>
                    <td>{place.placeNo}</td>
                    <td>{place.name ?? ''}</td>
                    <td>{place.phone ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </section>
      ))}
    </div>
  );
}
