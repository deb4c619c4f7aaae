import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/results';
import { whenText } from '../../components/bookings/booking-format';
import { ErrorSummary } from '../../components/error-summary';
import { PageTitle } from '../../components/page-title';
import { enterSheetResultsRoute, eventSheetRoute } from '@talkoot/volunteering/schemas';
import { loadEventChoices, requireCoordinator } from '../../components/volunteering/coordinator.server';
import { entryErrorsToLines, localText, readSheetLines } from '../../components/volunteering/volunteering-view';
import volunteeringStyles from '../../components/volunteering/volunteering.css?url';
import { ApiError, callApi, loadFromApi, type ApiCaller } from '../../lib/api.server';
import { apiErrorsToFields } from '../../lib/api-errors';
import { readFormValues, type FieldErrors } from '../../lib/forms';
import type { Language, MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: volunteeringStyles }];

type Line = { line: number; shiftId: string; placeNo: number; task: string; when: string };

// One line for each free place on the sheet, in the sheet's order.
async function loadLines(caller: ApiCaller, organisationId: string, eventId: string, language: Language) {
  const sheet = await loadFromApi(caller, eventSheetRoute, { params: { id: organisationId, eventId } });
  const lines: Line[] = [];
  for (const task of sheet.tasks)
    for (const shift of task.shifts)
      for (const place of shift.places)
        if (!place.name)
          lines.push({
            line: lines.length,
            shiftId: shift.id,
            placeNo: place.placeNo,
            task: localText(task.title, language),
            when: whenText(shift.startsAt, shift.endsAt, language),
          });
  return lines;
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisationName } = requireCoordinator(state, params.id);
  const [lines, events] = await Promise.all([
    loadLines(state, params.id, params.eventId, state.language),
    loadEventChoices(state, params.id, state.language),
  ]);
  const saved = new URL(request.url).searchParams.get('saved');
  return {
    organisationId: params.id,
    organisationName,
    eventTitle: events.find((event) => event.id === params.eventId)?.title ?? '',
    lines,
    saved: saved && /^\d+$/.test(saved) ? Number(saved) : null,
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireCoordinator(state, params.id);
  const values = readFormValues(await request.formData());
  const lines = await loadLines(state, params.id, params.eventId, state.language);
  // The shift of each line comes from the sheet as it is now, never from the posted form.
  for (const line of lines) values[`shift-${line.line}`] = line.shiftId;
  const { entries, errors } = readSheetLines(values, lines.length);
  const failed = (found: FieldErrors) => data({ errors: found, values }, { status: 400 });
  if (Object.keys(errors).length > 0) return failed(errors);
  if (entries.length === 0) return failed({ 'name-0': 'volunteering.results.nothing' });
  try {
    await callApi(state, enterSheetResultsRoute, {
      params: { id: params.id, eventId: params.eventId },
      body: {
        entries: entries.map(({ shiftId, name, phone, email }) => ({ shiftId, name, phone, email, language: 'fi' as const })),
      },
    });
  } catch (error) {
    if (error instanceof ApiError && [400, 409, 422].includes(error.status))
      return failed(
        entryErrorsToLines(
          apiErrorsToFields(error),
          entries.map((entry) => entry.line),
        ),
      );
    throw error;
  }
  return redirectWithCookies(`/organisations/${params.id}/volunteering/events/${params.eventId}/results?saved=${entries.length}`);
}

// After the paper round: type the names from the sheet, one line per place, Tab from field to
// field. Saved all together or not at all; a refused line says why beside it.
export default function SheetResults() {
  const { t } = useI18n();
  const { organisationId, organisationName, eventTitle, lines, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.errors ?? {};
  const values = failure?.values ?? {};
  const title = t('volunteeringAdmin.results.title', { event: eventTitle });
  const labels: Record<string, string> = { form: t('volunteering.claim.problem') };
  for (const line of lines) {
    const where = `${line.task}, ${line.when}, ${t('volunteeringAdmin.results.place', { n: line.placeNo })}`;
    labels[`name-${line.line}`] = `${t('volunteering.claim.name')} (${where})`;
    labels[`phone-${line.line}`] = `${t('volunteering.claim.phone')} (${where})`;
    labels[`email-${line.line}`] = `${t('volunteering.claim.email')} (${where})`;
  }
  const error = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  return (
    <>
      <PageTitle title={title} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to={`/organisations/${organisationId}/volunteering`}>
          {t('volunteeringAdmin.title', { name: organisationName })}
        </Link>
      </p>
      <h1>{title}</h1>
      <div aria-live="polite">
        {saved !== null ? <p className="notice">{t('volunteeringAdmin.results.saved', { count: saved })}</p> : null}
      </div>
      <p className="lead">{t('volunteeringAdmin.results.intro')}</p>
      {lines.length === 0 ? (
        <p>{t('volunteeringAdmin.results.full')}</p>
      ) : (
        <>
          <ErrorSummary errors={failure ? errors : undefined} labels={labels} idPrefix="results" />
          {errors.form ? <p className="field__error">{t(errors.form as MessageKey)}</p> : null}
          <Form method="post" noValidate className="vol-results">
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('volunteeringAdmin.results.where')}</th>
                    <th scope="col">{t('volunteering.claim.name')}</th>
                    <th scope="col">{t('volunteering.claim.phone')}</th>
                    <th scope="col">{t('volunteering.claim.email')}</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.map((line) => (
                    <tr key={line.line}>
                      <th scope="row">
                        {line.task}
                        <br />
                        {line.when}, {t('volunteeringAdmin.results.place', { n: line.placeNo })}
                      </th>
                      {(['name', 'phone', 'email'] as const).map((field) => {
                        const name = `${field}-${line.line}`;
                        const id = `results-${name}`;
                        const message = error(name);
                        return (
                          <td key={field}>
                            <label htmlFor={id} className="visually-hidden">
                              {labels[name]}
                            </label>
                            {message ? (
                              <p className="field__error" id={`${id}-error`}>
                                {message}
                              </p>
                            ) : null}
                            <input
                              id={id}
                              name={name}
                              type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
                              autoComplete="off"
                              defaultValue={values[name] ?? ''}
                              aria-invalid={message ? true : undefined}
                              aria-describedby={message ? `${id}-error` : undefined}
                            />
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>
              <button type="submit" className="button">
                {t('volunteeringAdmin.results.submit')}
              </button>
            </p>
          </Form>
        </>
      )}
    </>
  );
}
