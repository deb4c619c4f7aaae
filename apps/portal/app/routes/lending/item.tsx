import { Form, Link, useLoaderData } from 'react-router';
import { formatMonth, helsinkiToday, shiftMonth } from '@talkoot/platform/time';
import type { Route } from './+types/item';
import { AvailabilityGrid } from '../../components/lending/availability-grid';
import { ItemFacts } from '../../components/lending/item-facts';
import { getItemRoute } from '@talkoot/lending/schemas';
import { changeLoanState, loadItem } from '../../components/lending/lending-api.server';
import { loadFromApi } from '../../lib/api.server';
import { categoryKeys, localised } from '../../components/lending/lending-labels';
import lendingStyles from '../../components/lending/lending.css?url';
import venueStyles from '../../components/venues/venues.css?url';
import { LoanCard } from '../../components/lending/loan-card';
import { PageTitle } from '../../components/page-title';
import { readFormValues } from '../../lib/forms';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, requireViewer, serializeNoticeCookie } from '../../lib/session.server';
import type { RouteHandle } from '../../lib/page-cache';

// venues.css for the shared list and facts styles (plain-list, space-rules, photos).
export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: venueStyles },
  { rel: 'stylesheet', href: lendingStyles },
];

// Opened by scanning the item's QR label, often on a phone in a storeroom: no scripts (root.tsx),
// and the owner's buttons are plain forms.
export const handle = { hydrate: false, pageCache: { shows: ['lending', 'organisations', 'places'] } } satisfies RouteHandle;

function monthOf(query: URLSearchParams): string {
  const month = query.get('month') ?? '';
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : helsinkiToday().slice(0, 7);
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const month = monthOf(new URL(request.url).searchParams);
  return { month, ...(await loadItem(getRequestState(context), params.id, month)) };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireViewer(state);
  const { intent, loanId = '' } = readFormValues(await request.formData());
  const change = intent === 'pickUp' ? 'pickUp' : 'return';
  const { item } = await loadFromApi(state, getItemRoute, { params: { id: params.id } });
  await changeLoanState(state, { loanId, organisationId: item.owner.id }, change);
  return redirectWithCookies(`/lending/items/${params.id}`, [
    serializeNoticeCookie(change === 'pickUp' ? 'loan_picked_up' : 'loan_returned'),
  ]);
}

function neighbourMonth(month: string, by: number): string {
  const next = shiftMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)), by);
  return `${next.year}-${String(next.month).padStart(2, '0')}`;
}

export default function LendingItem() {
  const { t, language } = useI18n();
  const { item, days, currentLoan, canManage, month } = useLoaderData<typeof loader>();
  const name = localised(item.name, language);
  const monthName = formatMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)), language);
  return (
    <>
      <PageTitle title={name} />
      <p className="breadcrumb">
        <Link to="/lending">{t('lending.title')}</Link>
      </p>
      <h1>{name}</h1>
      <p className="lead">
        {t(categoryKeys[item.category])} · {t('lending.item.quantity', { count: item.quantity })} ·{' '}
        {t('lending.search.owner', { name: item.owner.name })}
      </p>
      {item.retiredAt ? <p className="panel panel--info">{t('giveAway.itemGivenAway')}</p> : null}
      {canManage ? (
        <p>
          <Link to={`/organisations/${item.owner.id}/lending/items/${item.id}/photos`}>{t('lendingAdmin.photos.link')}</Link>
          {!item.retiredAt && !item.isKit ? (
            <>
              {' · '}
              <Link to={`/organisations/${item.owner.id}/lending/items/${item.id}/give-away`}>{t('giveAway.offerLink')}</Link>
            </>
          ) : null}
        </p>
      ) : null}

      {canManage && currentLoan ? (
        <section className="section" aria-labelledby="current-loan">
          <LoanCard forOwner loan={currentLoan} heading={<h2 id="current-loan">{t('lending.item.currentLoan')}</h2>}>
            <p>{t('lending.item.borrower', { name: currentLoan.borrower })}</p>
            <Form method="post" className="loan-actions">
              <input type="hidden" name="loanId" value={currentLoan.id} />
              {currentLoan.state === 'approved' ? (
                <button type="submit" name="intent" value="pickUp" className="button">
                  {t('lending.item.markPickedUp')}
                </button>
              ) : null}
              {currentLoan.state === 'pickedUp' || currentLoan.state === 'overdue' ? (
                <button type="submit" name="intent" value="return" className="button">
                  {t('lending.item.markReturned')}
                </button>
              ) : null}
            </Form>
            <p>
              <Link to={`/organisations/${item.owner.id}/lending/loans/${currentLoan.id}`}>{t('lendingAdmin.returnTitle')}</Link>
            </p>
          </LoanCard>
        </section>
      ) : null}

      {item.photos.length > 0 ? (
        <ul className="plain-list venue-photos">
          {item.photos.map((photo) => (
            <li key={photo.url}>
              <img src={photo.url} alt={photo.altText} loading="lazy" width={photo.width} height={photo.height} />
            </li>
          ))}
        </ul>
      ) : null}

      <ItemFacts item={item} />

      <section className="section" aria-labelledby="item-month">
        <h2 id="item-month">
          {t('lending.item.availability')}: {monthName}
        </h2>
        <p className="actions">
          <Link to={`?month=${neighbourMonth(month, -1)}`} className="button button--secondary">
            {t('lending.grid.previous')}
          </Link>
          <Link to={`?month=${neighbourMonth(month, 1)}`} className="button button--secondary">
            {t('lending.grid.next')}
          </Link>
        </p>
        <AvailabilityGrid days={days} total={item.quantity} wanted={null} caption={monthName} />
      </section>
    </>
  );
}
