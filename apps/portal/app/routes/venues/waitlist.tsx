import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/waitlist';
import { Hidden } from '../../components/bookings/booking-facts';
import { whenText } from '../../components/bookings/booking-format';
import bookingStyles from '../../components/bookings/bookings.css?url';
import { OpenOffers } from '../../components/bookings/my-bookings';
import { PageTitle } from '../../components/page-title';
import { acceptOfferRoute, leaveWaitlistRoute, myWaitlistRoute } from '@talkoot/venues/schemas';
import { apiErrorMessage, isApiReason } from '../../lib/api-errors';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import type { WaitlistEntry } from '../../lib/api-types';
import type { MessageKey } from '../../lib/i18n';
import { readFormValues } from '../../lib/forms';
import type { Notice } from '../../lib/notices';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, requireViewer, serializeNoticeCookie } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: bookingStyles }];

export async function loader({ context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireViewer(state);
  const { entries } = await loadFromApi(state, myWaitlistRoute);
  const byStart = (a: WaitlistEntry, b: WaitlistEntry) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  return {
    offers: entries.filter((entry) => entry.status === 'offered' && entry.offer).toSorted(byStart),
    waiting: entries.filter((entry) => entry.status === 'waiting').toSorted(byStart),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireViewer(state);
  const values = readFormValues(await request.formData());
  const done = (notice: Notice, target = '/waitlist') => redirectWithCookies(target, [serializeNoticeCookie(notice)]);
  try {
    switch (values.intent) {
      case 'accept':
        await callApi(state, acceptOfferRoute, { params: { id: values.bookingId ?? '' } });
        return done('offer_accepted', '/bookings');
      case 'decline':
        await callApi(state, leaveWaitlistRoute, { params: { id: values.entryId ?? '' } });
        return done('offer_declined');
      case 'leave':
        await callApi(state, leaveWaitlistRoute, { params: { id: values.entryId ?? '' } });
        return done('waitlist_left');
      default:
        return data({ failed: true, message: 'venues.bookings.actionFailed' as MessageKey }, { status: 400 });
    }
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    // The rule that refused, where the api names one; otherwise "it may have changed already".
    const message: MessageKey = isApiReason(error.reason) ? apiErrorMessage(error) : 'venues.bookings.actionFailed';
    return data({ failed: true, message }, { status: error.status });
  }
}

export default function Waitlist() {
  const { t, language } = useI18n();
  const { offers, waiting } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <>
      <PageTitle title={t('waitlist.title')} hasErrors={!!failure} />
      <h1>{t('waitlist.title')}</h1>
      <p className="lead">{t('waitlist.intro')}</p>
      {failure ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{t(failure.message)}</p>
        </div>
      ) : null}
      <OpenOffers offers={offers} action="/waitlist" />
      <section className="section" aria-labelledby="queue-title">
        <h2 id="queue-title">{t('waitlist.mine')}</h2>
        {waiting.length === 0 ? (
          <p>
            {t('waitlist.empty')} <Link to="/venues">{t('venues.bookings.findVenue')}</Link>
          </p>
        ) : (
          <ul className="card-list card-list--wide">
            {waiting.map((entry) => (
              <li key={entry.id} className="card waitlist-entry" data-entry-id={entry.id}>
                <h3>{entry.title}</h3>
                <dl className="details">
                  <dt>{t('venues.bookings.when')}</dt>
                  <dd>{whenText(entry.startsAt, entry.endsAt, language)}</dd>
                  <dt>{t('venues.bookings.place')}</dt>
                  <dd>
                    <Link to={`/venues/${entry.venue.id}?space=${entry.space.id}`}>
                      {entry.venue.name}, {entry.space.name}
                    </Link>
                  </dd>
                  <dt>{t('waitlist.position')}</dt>
                  <dd className="waitlist-entry__position">
                    {entry.position ? t('waitlist.positionText', { position: entry.position }) : t('waitlist.positionUnknown')}
                  </dd>
                </dl>
                <Form method="post" className="inline-form">
                  <Hidden fields={{ intent: 'leave', entryId: entry.id }} />
                  <button type="submit" className="button button--secondary button--small">
                    {t('waitlist.leave')}
                    <span className="visually-hidden">: {entry.title}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="field__hint">{t('waitlist.howItWorks')}</p>
    </>
  );
}
