import { data, Form, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/loan';
import { ErrorSummary } from '../../components/error-summary';
import { TextAreaField } from '../../components/form-fields';
import { loadOwnerLoan, returnLoanLines } from '../../components/lending/lending-api.server';
import { localised } from '../../components/lending/lending-labels';
import { requireLendingOwner } from '../../components/lending/lending-owner.server';
import lendingStyles from '../../components/lending/lending.css?url';
import venueStyles from '../../components/venues/venues.css?url';
import { LoanCard } from '../../components/lending/loan-card';
import { readReturn } from '../../components/lending/loan-return';
import { PageTitle } from '../../components/page-title';
import { createTransportTaskRoute, organisationTasksRoute } from '@talkoot/volunteering/schemas';
import { ApiError, callApi } from '../../lib/api.server';
import { readFormValues, type FieldErrors } from '../../lib/forms';
import { languages, type MessageKey, translate } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, requireViewer, serializeNoticeCookie } from '../../lib/session.server';
import type { LoanView } from '../../components/lending/lending-view';

// venues.css for the shared list and facts styles (plain-list, space-rules, photos).
export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: venueStyles },
  { rel: 'stylesheet', href: lendingStyles },
];

const transportStates = new Set(['requested', 'approved', 'pickedUp', 'overdue']);

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisationName } = requireLendingOwner(state, params.id);
  const loan = await loadOwnerLoan(state, params.id, params.loanId);
  // "Who moves the chairs?": the volunteer task made from this loan, if there is one (a seam by ids).
  let transportTaskId: string | null = null;
  if (loan.isTransportNeeded) {
    try {
      const { tasks } = await callApi(state, organisationTasksRoute, { params: { id: params.id }, query: {} });
      transportTaskId = tasks.find((task) => task.source?.kind === 'loan' && task.source.id === loan.id)?.id ?? null;
    } catch (error) {
      // Someone who may manage the equipment but not the volunteer tasks sees the loan without them.
      if (!(error instanceof ApiError) || error.status !== 403) throw error;
    }
  }
  return { organisationId: params.id, organisationName, loan, transportTaskId };
}

// The move, as a volunteer task of the owner: at the hand-over (or two hours from the collection
// time or the loan's start), titled in all three languages, the coordinator as its contact.
async function makeTransportTask(state: ReturnType<typeof getRequestState>, organisationId: string, loan: LoanView) {
  const viewer = requireViewer(state);
  const startsAt = new Date(loan.handOverStartsAt ?? loan.collectAt ?? loan.startsAt);
  const endsAt = loan.handOverEndsAt ? new Date(loan.handOverEndsAt) : new Date(startsAt.getTime() + 2 * 3_600_000);
  const title = Object.fromEntries(
    languages.map((language) => [
      language,
      translate(language, 'lendingAdmin.transport.taskTitle', {
        things: loan.lines.map((line) => `${line.quantity} × ${localised(line.name, language)}`).join(', '),
        borrower: loan.borrower,
      }).slice(0, 200),
    ]),
  );
  const { task } = await callApi(state, createTransportTaskRoute, {
    params: { id: organisationId },
    body: {
      sourceKind: 'loan',
      sourceId: loan.id,
      title,
      contact: { name: viewer.user.name, email: viewer.user.email },
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      capacity: 2,
    },
  });
  return task.id;
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireLendingOwner(state, params.id);
  const loan = await loadOwnerLoan(state, params.id, params.loanId);
  const values = readFormValues(await request.formData());
  if (values.intent === 'transport-task') {
    const taskId = await makeTransportTask(state, params.id, loan);
    return redirectWithCookies(`/organisations/${params.id}/volunteering/tasks/${taskId}`, [
      serializeNoticeCookie('transport_task_created'),
    ]);
  }
  const { lines, errors } = readReturn(values, loan.lines);
  if (!lines) return data<{ errors: FieldErrors; values: Record<string, string> }>({ errors, values }, { status: 400 });
  await returnLoanLines(state, params.id, params.loanId, lines, (values.notes ?? '').trim());
  return redirectWithCookies(`/organisations/${params.id}/lending/loans/${params.loanId}`, [
    serializeNoticeCookie('loan_return_saved'),
  ]);
}

const counts = ['fine', 'damaged', 'missing'] as const;
const countKeys: Record<(typeof counts)[number], MessageKey> = {
  fine: 'lendingAdmin.fine',
  damaged: 'lendingAdmin.damaged',
  missing: 'lendingAdmin.missing',
};

// The return, line by line: how many came back fine, damaged or missing; part now, the rest later.
export default function OwnerLoan() {
  const { t, language } = useI18n();
  const { organisationId, organisationName, loan, transportTaskId } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const errors = failure?.errors ?? {};
  const labels: Record<string, string> = {};
  for (const line of loan.lines)
    for (const count of counts) labels[`${count}-${line.itemId}`] = `${localised(line.name, language)}: ${t(countKeys[count])}`;
  const isOut = loan.state === 'pickedUp' || loan.state === 'overdue';
  return (
    <>
      <PageTitle title={t('lendingAdmin.loan')} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to={`/organisations/${organisationId}/lending`}>{t('lendingAdmin.title', { name: organisationName })}</Link>
      </p>
      <h1>{t('lendingAdmin.loan')}</h1>
      <LoanCard forOwner loan={loan} heading={<h2>{t('lending.item.borrower', { name: loan.borrower })}</h2>} />
      {loan.isTransportNeeded && (transportTaskId || transportStates.has(loan.state)) ? (
        <section className="section panel" aria-labelledby="transport-title">
          <h2 id="transport-title">{t('lendingAdmin.transport.title')}</h2>
          {transportTaskId ? (
            <p>
              <Link to={`/organisations/${organisationId}/volunteering/tasks/${transportTaskId}`}>
                {t('lendingAdmin.transport.open')}
              </Link>
            </p>
          ) : (
            <Form method="post">
              <p>{t('lendingAdmin.transport.intro')}</p>
              <input type="hidden" name="intent" value="transport-task" />
              <button type="submit" className="button">
                {t('lendingAdmin.transport.create')}
              </button>
            </Form>
          )}
        </section>
      ) : null}
      {isOut ? (
        <section className="section" aria-labelledby="return-title">
          <h2 id="return-title">{t('lendingAdmin.returnTitle')}</h2>
          <p>{t('lendingAdmin.returnIntro')}</p>
          <ErrorSummary errors={failure ? errors : undefined} labels={labels} idPrefix="return" />
          <Form method="post" noValidate className="return-lines">
            {loan.lines.map((line) => {
              const outstanding = line.quantity - line.returnedFine - line.returnedDamaged - line.returnedMissing;
              return (
                <fieldset key={line.itemId} className="return-line">
                  <legend>
                    {localised(line.name, language)} · {t('lendingAdmin.outstanding', { count: outstanding })}
                  </legend>
                  {counts.map((count) => {
                    const name = `${count}-${line.itemId}`;
                    const error = errors[name];
                    return (
                      <div key={count} className={error ? 'field field--error' : 'field'}>
                        <label htmlFor={`return-${name}`}>{t(countKeys[count])}</label>
                        {error ? (
                          <p className="field__error" id={`return-${name}-error`}>
                            {t(error as MessageKey)}
                          </p>
                        ) : null}
                        <input
                          id={`return-${name}`}
                          name={name}
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={outstanding}
                          className="lending-count"
                          defaultValue={failure?.values[name] ?? (count === 'fine' ? String(outstanding) : '0')}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `return-${name}-error` : undefined}
                        />
                      </div>
                    );
                  })}
                </fieldset>
              );
            })}
            <TextAreaField name="notes" idPrefix="return" label={t('lendingAdmin.notes')} defaultValue={failure?.values.notes} />
            <p>
              <button type="submit" className="button">
                {t('lendingAdmin.returnSubmit')}
              </button>
            </p>
          </Form>
        </section>
      ) : null}
    </>
  );
}
