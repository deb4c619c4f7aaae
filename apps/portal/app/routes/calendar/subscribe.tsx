import { useLoaderData } from 'react-router';
import type { Route } from './+types/subscribe';
import calendarStyles from '../../components/calendar/calendar.css?url';
import {
  loadFilterChoices,
  publicOrigin,
  qrCodeSvg,
  readCalendarFilter,
  redirectToCanonical,
  withQuery,
} from '../../components/calendar/calendar.server';
import { filterSummary } from '../../components/calendar/filter-summary';
import { PageTitle } from '../../components/page-title';
import { createTranslator, type MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';

// Read without JavaScript: no scripts on this page (see root.tsx).
export const handle = { hydrate: false };

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: calendarStyles }];

export async function loader({ context, url, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { filter, canonical } = readCalendarFilter(url.searchParams);
  redirectToCanonical(url, canonical);
  const origin = publicOrigin(request);
  const feedUrl = withQuery(`${origin}/feeds/calendar.ics`, canonical);
  // webcal:// is the same address: phones and Outlook open it as "subscribe" instead of downloading.
  const webcalUrl = feedUrl.replace(/^https?:/, 'webcal:');
  const t = createTranslator(state.language);
  const choices = await loadFilterChoices(state);
  // An organisation's calendar (only its organiser chosen): its own feed also carries what it co-organises.
  const onlyOrganiser =
    filter.organiser.length === 1 && canonical === `organiser=${filter.organiser[0]}` ? filter.organiser[0]! : null;
  const organisation = onlyOrganiser ? (choices.organisations.find((entry) => entry.id === onlyOrganiser) ?? null) : null;
  return {
    filter,
    canonical,
    ...choices,
    feedUrl,
    webcalUrl,
    qrSvg: qrCodeSvg(webcalUrl, t('calendar.subscribe.qrLabel')),
    organisationFeed: organisation
      ? { name: organisation.name, url: `${origin}/feeds/organisations/${organisation.id}.ics` }
      : null,
    embedCode: `<iframe src="${withQuery(`${origin}/calendar/embed`, canonical)}" title="${t('calendar.embed.frameTitle')}" width="100%" height="600" style="border:1px solid #ccc"></iframe>`,
    calendarUrl: withQuery('/calendar', canonical),
  };
}

const steps: { id: string; heading: MessageKey; intro?: MessageKey; steps: MessageKey[] }[] = [
  {
    id: 'iphone',
    heading: 'calendar.subscribe.iphone.heading',
    intro: 'calendar.subscribe.iphone.intro',
    steps: [
      'calendar.subscribe.iphone.step1',
      'calendar.subscribe.iphone.step2',
      'calendar.subscribe.iphone.step3',
      'calendar.subscribe.iphone.step4',
    ],
  },
  {
    id: 'android',
    heading: 'calendar.subscribe.google.heading',
    intro: 'calendar.subscribe.google.intro',
    steps: [
      'calendar.subscribe.google.step1',
      'calendar.subscribe.google.step2',
      'calendar.subscribe.google.step3',
      'calendar.subscribe.google.step4',
      'calendar.subscribe.google.step5',
    ],
  },
  {
    id: 'outlook',
    heading: 'calendar.subscribe.outlook.heading',
    steps: [
      'calendar.subscribe.outlook.step1',
      'calendar.subscribe.outlook.step2',
      'calendar.subscribe.outlook.step3',
      'calendar.subscribe.outlook.step4',
    ],
  },
];

export default function Subscribe() {
  const { t } = useI18n();
  const data = useLoaderData<typeof loader>();
  const summary = filterSummary(t, data.filter, data.regions, data.organisations);
  return (
    <div className="calendar-subscribe">
      <PageTitle title={t('calendar.subscribe.title')} />
      <p className="breadcrumb">
        <a href={data.calendarUrl}>{t('calendar.backToCalendar')}</a>
      </p>
      <h1>{t('calendar.subscribe.title')}</h1>
      <p className="lead">{t('calendar.subscribe.intro')}</p>
      <p className="calendar-summary">
        <strong>{t('calendar.subscribe.includes')}</strong> {summary || t('calendar.showingAll')}
      </p>

      <section className="calendar-subscribe__address" aria-labelledby="subscribe-address">
        <h2 id="subscribe-address">{t('calendar.subscribe.addressHeading')}</h2>
        <div className="field">
          <label htmlFor="feed-url">{t('calendar.subscribe.addressLabel')}</label>
          <p className="field__hint" id="feed-url-hint">
            {t('calendar.subscribe.addressHint')}
          </p>
          <input
            id="feed-url"
            type="text"
            readOnly
            value={data.feedUrl}
            aria-describedby="feed-url-hint"
            className="calendar-subscribe__url"
            spellCheck={false}
          />
        </div>
        <p>
          <a className="button" href={data.webcalUrl}>
            {t('calendar.subscribe.webcalButton')}
          </a>
        </p>
        <p className="muted">{t('calendar.subscribe.webcalHint')}</p>
        <figure className="calendar-subscribe__qr">
          <div dangerouslySetInnerHTML={{ __html: data.qrSvg }} />
          <figcaption>{t('calendar.subscribe.qrCaption')}</figcaption>
        </figure>
      </section>

      {data.organisationFeed ? (
        <section className="panel panel--info" aria-labelledby="subscribe-organisation">
          <h2 id="subscribe-organisation">{t('calendar.subscribe.organisationHeading', { name: data.organisationFeed.name })}</h2>
          <p>{t('calendar.subscribe.organisationBody')}</p>
          <p>
            <a href={data.organisationFeed.url} className="break">
              {data.organisationFeed.url}
            </a>
          </p>
        </section>
      ) : null}

      <h2>{t('calendar.subscribe.howHeading')}</h2>
      {steps.map((group) => (
        <section key={group.id} className="calendar-subscribe__steps" aria-labelledby={`steps-${group.id}`}>
          <h3 id={`steps-${group.id}`}>{t(group.heading)}</h3>
          {group.intro ? <p>{t(group.intro)}</p> : null}
          <ol>
            {group.steps.map((step) => (
              <li key={step}>{t(step)}</li>
            ))}
          </ol>
        </section>
      ))}
      <p className="muted">{t('calendar.subscribe.updates')}</p>

      <h2>{t('calendar.subscribe.embedHeading')}</h2>
      <p>{t('calendar.subscribe.embedBody')}</p>
      <div className="field">
        <label htmlFor="embed-code">{t('calendar.subscribe.embedLabel')}</label>
        <textarea
          id="embed-code"
          readOnly
          rows={4}
          value={data.embedCode}
          spellCheck={false}
          className="calendar-subscribe__code"
        />
      </div>
    </div>
  );
}
