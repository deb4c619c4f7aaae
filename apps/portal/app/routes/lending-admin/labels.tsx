import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/labels';
import { PrintButton } from '../../components/bookings/print-button';
import { loadItem } from '../../components/lending/lending-api.server';
import { localised } from '../../components/lending/lending-labels';
import { requireLendingOwner } from '../../components/lending/lending-owner.server';
import lendingStyles from '../../components/lending/lending.css?url';
import { QrSvg } from '../../components/lending/qr-label';
import { qrShape } from '../../components/lending/qr-shape.server';
import { PageTitle } from '../../components/page-title';
import { getConfig } from '../../lib/config.server';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: lendingStyles }];

// A full A4 sheet: 3 × 4 labels of 63 × 70 mm.
const LABELS_PER_SHEET = 12;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireLendingOwner(state, params.id);
  const { item } = await loadItem(state, params.itemId, new Date().toISOString().slice(0, 7));
  const origin = getConfig().publicOrigin ?? new URL(request.url).origin;
  const address = `${origin}/lending/items/${item.id}`;
  return { item, address, shape: qrShape(address) };
}

// Labels to stick on the things: scanning one opens the item's page, where the owner's coordinator
// marks a loan collected or returned.
export default function LendingLabels() {
  const { t, language } = useI18n();
  const { item, address, shape } = useLoaderData<typeof loader>();
  const name = localised(item.name, language);
  return (
    <>
      <PageTitle title={t('lendingAdmin.labelsTitle', { name })} />
      <div className="no-print">
        <p className="breadcrumb">
          <Link to={`/organisations/${item.owner.id}/lending`}>{t('lendingAdmin.title', { name: item.owner.name })}</Link>
        </p>
        <h1>{t('lendingAdmin.labelsTitle', { name })}</h1>
        <p>{t('lendingAdmin.labelsIntro')}</p>
        <PrintButton />
      </div>
      <ul className="qr-labels">
        {Array.from({ length: LABELS_PER_SHEET }, (_, index) => (
          <li key={index} className="qr-label">
            <QrSvg shape={shape} title={`${name}: ${address}`} />
            <span className="qr-label__name">{name}</span>
            <span>{item.owner.name}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
