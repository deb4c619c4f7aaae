import { data, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/item-edit';
import { ItemForm } from '../../components/lending/item-form';
import { itemFormValues, readItemForm } from '../../components/lending/item-form.server';
import { loadItem, saveItem } from '../../components/lending/lending-api.server';
import { requireLendingOwner } from '../../components/lending/lending-owner.server';
import lendingStyles from '../../components/lending/lending.css?url';
import { PageTitle } from '../../components/page-title';
import { listPlacesRoute } from '@talkoot/identity/schemas';
import { listVenuesRoute } from '@talkoot/venues/schemas';
import { ApiError, loadFromApi, type ApiCaller } from '../../lib/api.server';
import { apiErrorsToFields } from '../../lib/api-errors';
import { readFormValues, type FieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, serializeNoticeCookie } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: lendingStyles }];

async function loadChoices(state: ApiCaller, organisationId: string) {
  const [{ venues }, { regions }] = await Promise.all([loadFromApi(state, listVenuesRoute), loadFromApi(state, listPlacesRoute)]);
  const municipalities = regions.flatMap((region) => region.municipalities);
  return {
    venues: venues
      .filter((venue) => venue.organisation.id === organisationId)
      .map((venue) => ({ id: venue.id, name: venue.name })),
    villages: municipalities.map((municipality) => ({
      label: municipality.name,
      options: municipality.villages.map((village) => ({ value: village.id, label: village.name })),
    })),
  };
}

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisationName } = requireLendingOwner(state, params.id);
  const choices = await loadChoices(state, params.id);
  const itemId = params.itemId ?? null;
  const values = itemId ? itemFormValues((await loadItem(state, itemId, new Date().toISOString().slice(0, 7))).item) : {};
  return { organisationId: params.id, organisationName, itemId, values, choices };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireLendingOwner(state, params.id);
  const formData = await request.formData();
  const values = readFormValues(formData);
  const borrowers = formData.getAll('borrowers').filter((value): value is string => typeof value === 'string');
  const choices = await loadChoices(state, params.id);
  const { body, errors } = readItemForm(values, borrowers, {
    venueIds: choices.venues.map((venue) => venue.id),
    villageIds: choices.villages.flatMap((group) => group.options.map((option) => option.value)),
  });
  const failed = (fieldErrors: FieldErrors) =>
    data({ errors: fieldErrors, values: { ...values, borrowers: borrowers.join(' ') } }, { status: 400 });
  if (!body) return failed(errors);
  try {
    const { id } = await saveItem(state, params.id, params.itemId ?? null, body);
    return redirectWithCookies(`/lending/items/${id}`, [serializeNoticeCookie('lending_item_saved')]);
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) return failed(apiErrorsToFields(error, { generalField: 'nameFi' }));
    throw error;
  }
}

export default function LendingItemEdit() {
  const { t } = useI18n();
  const { organisationId, organisationName, itemId, values, choices } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const title = t(itemId ? 'lendingAdmin.editItem' : 'lendingAdmin.newItem');
  return (
    <>
      <PageTitle title={title} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to={`/organisations/${organisationId}/lending`}>{t('lendingAdmin.title', { name: organisationName })}</Link>
      </p>
      <h1>{title}</h1>
      <ItemForm values={failure?.values ?? values} errors={failure?.errors ?? {}} choices={choices} />
    </>
  );
}
