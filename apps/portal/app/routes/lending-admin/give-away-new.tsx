import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/give-away-new';
import { ErrorSummary } from '../../components/error-summary';
import { TextAreaField, TextField } from '../../components/form-fields';
import { giveAwayRefusal, offerGiveAway } from '../../components/lending/give-away-api.server';
import { localised } from '../../components/lending/lending-labels';
import { requireLendingOwner } from '../../components/lending/lending-owner.server';
import lendingStyles from '../../components/lending/lending.css?url';
import { PageTitle } from '../../components/page-title';
import { getItemRoute } from '@talkoot/lending/schemas';
import { ApiError, loadFromApi } from '../../lib/api.server';
import { readFormValues, type FieldErrors } from '../../lib/forms';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, serializeNoticeCookie } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: lendingStyles }];

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisationName } = requireLendingOwner(state, params.id);
  const { item } = await loadFromApi(state, getItemRoute, { params: { id: params.itemId } });
  if (item.owner.id !== params.id) throw data({ code: 'not_found' }, { status: 404 });
  return { organisationId: params.id, organisationName, item };
}

type OfferFailure = { errors: FieldErrors; values: Record<string, string>; free: number | null };

// The owner offers some units of an item for good ("we have 20 old chairs to give").
export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireLendingOwner(state, params.id);
  const values = readFormValues(await request.formData());
  const fail = (errors: FieldErrors, free: number | null = null, status = 400) =>
    data<OfferFailure>({ errors, values, free }, { status });
  const units = values.units?.trim() ?? '';
  if (!/^\d{1,6}$/.test(units) || Number(units) < 1) return fail({ units: 'giveAway.offer.unitsInvalid' });
  const note = values.note?.trim() ?? '';
  if (note.length > 1000) return fail({ note: 'validation.tooLong' });
  try {
    await offerGiveAway(state, { organisationId: params.id, itemId: params.itemId }, { units: Number(units), note });
  } catch (error) {
    const free = error instanceof ApiError && typeof error.details.free === 'number' ? error.details.free : null;
    return fail(giveAwayRefusal(error, 'units'), free, error instanceof ApiError ? error.status : 400);
  }
  return redirectWithCookies(`/organisations/${params.id}/lending/give-aways`, [serializeNoticeCookie('give_away_offered')]);
}

export default function GiveAwayNew() {
  const { t, language } = useI18n();
  const { organisationId, organisationName, item } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const name = localised(item.name, language);
  const title = t('giveAway.offer.title', { name });
  const errors = failure?.errors ?? {};
  return (
    <>
      <PageTitle title={title} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to={`/organisations/${organisationId}/lending`}>{t('lendingAdmin.title', { name: organisationName })}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('giveAway.offer.intro')}</p>
      <p>{t('lending.item.quantity', { count: item.quantity })}</p>
      <Form method="post" noValidate className="give-away__offer">
        <ErrorSummary
          errors={failure ? errors : undefined}
          labels={{ units: t('giveAway.offer.units'), note: t('giveAway.offer.note') }}
        />
        <TextField
          name="units"
          type="number"
          inputMode="numeric"
          min={1}
          label={t('giveAway.offer.units')}
          hint={
            failure?.free != null
              ? t('giveAway.offer.unitsFree', { free: failure.free })
              : t('giveAway.offer.unitsHint', { count: item.quantity })
          }
          defaultValue={failure?.values.units ?? ''}
          error={errors.units ? t(errors.units) : undefined}
          className="lending-count"
          required
        />
        <TextAreaField
          name="note"
          label={t('giveAway.offer.note')}
          hint={t('giveAway.offer.noteHint')}
          defaultValue={failure?.values.note ?? ''}
          error={errors.note ? t(errors.note) : undefined}
        />
        <div className="loan-actions">
          <button type="submit" className="button">
            {t('giveAway.offer.submit')}
          </button>
        </div>
      </Form>
    </>
  );
}
