import { data, Form, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/swap';
import { whenText } from '../../components/bookings/booking-format';
import { CheckboxGroupField } from '../../components/form-fields';
import { PageTitle } from '../../components/page-title';
import { acceptSwapRoute, getSwapRoute, getTaskRoute, type RequirementCode } from '@talkoot/volunteering/schemas';
import { localText, requirementKeys } from '../../components/volunteering/volunteering-view';
import volunteeringStyles from '../../components/volunteering/volunteering.css?url';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import { apiErrorsToFields } from '../../lib/api-errors';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, requireViewer } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: volunteeringStyles }];

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireViewer(state);
  const { swap } = await loadFromApi(state, getSwapRoute, { params: { swapId: params.swapId } });
  const { task } = await loadFromApi(state, getTaskRoute, { params: { taskId: swap.claim.taskId } });
  return { swap, requirements: task.requirements };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireViewer(state);
  const confirmed = (await request.formData()).getAll('requirements').map(String) as RequirementCode[];
  try {
    await callApi(state, acceptSwapRoute, { params: { swapId: params.swapId }, body: { confirmedRequirements: confirmed } });
  } catch (error) {
    if (error instanceof ApiError && [400, 403, 409, 422].includes(error.status))
      return data(
        { errors: apiErrorsToFields(error, { fields: { confirmedRequirements: 'requirements' }, formFields: ['requirements'] }) },
        { status: error.status },
      );
    throw error;
  }
  return redirectWithCookies('/volunteering/sent?status=signed-in&state=placed');
}

// Someone offers their place: take it over with one button (and the task's requirements confirmed).
export default function SwapAccept() {
  const { t, language } = useI18n();
  const { swap, requirements } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.errors ?? {};
  const title = t('volunteering.swap.title', { task: localText(swap.claim.task.title, language) });
  return (
    <>
      <PageTitle title={title} hasErrors={!!failure} />
      <h1>{title}</h1>
      <div className="vol-task">
        <p className="vol-shift__when">{whenText(swap.claim.shift.startsAt, swap.claim.shift.endsAt, language)}</p>
        <p>{swap.claim.task.organisation.name}</p>
        <p>{t('volunteering.swap.offeredBy', { name: swap.offeredByName })}</p>
      </div>
      {swap.state !== 'open' ? (
        <p className="panel">{t('apiError.volunteerSwap.taken')}</p>
      ) : (
        <Form method="post">
          {errors.form ? <p className="field__error">{t(errors.form as MessageKey)}</p> : null}
          {requirements.length > 0 ? (
            <CheckboxGroupField
              name="requirements"
              idPrefix="swap"
              legend={t('volunteering.claim.requirements')}
              options={requirements.map((code) => ({ value: code, label: t(requirementKeys[code]) }))}
              checked={[]}
              error={errors.requirements ? t(errors.requirements as MessageKey) : undefined}
            />
          ) : null}
          <button type="submit" className="button">
            {t('volunteering.swap.accept')}
          </button>
        </Form>
      )}
    </>
  );
}
