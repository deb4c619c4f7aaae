import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/print';
import { PrintButton } from '../../components/bookings/print-button';
import { PageTitle } from '../../components/page-title';
import { loadPrintSheet } from '../../components/print/print-data.server';
import { shiftPeriod } from '../../components/print/print-period';
import {
  dayHeading,
  isItemCancelled,
  itemPlace,
  itemPrice,
  itemTime,
  itemTitle,
  sheetTitle,
} from '../../components/print/print-format';
import printStyles from '../../components/print/print.css?url';
import { qrSvg } from '../../components/print/qr-code.server';
import { listPlacesRoute } from '@talkoot/identity/schemas';
import { loadFromApi } from '../../lib/api.server';
import { useI18n } from '../../lib/root-data';
import { getRequestState } from '../../lib/session.server';
import { createTranslator } from '../../lib/i18n';

// Read without JavaScript: no scripts on this page (see root.tsx).
export const handle = { hydrate: false };

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: printStyles }];

export async function loader({ context, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { regions } = await loadFromApi(state, listPlacesRoute);
  const sheet = await loadPrintSheet(state, request, regions);
  const t = createTranslator(state.language);
  return { sheet, regions, qr: qrSvg(sheet.onlineUrl, t('print.qrLabel', { url: sheet.shortUrl }), 150) };
}

// Query of this sheet with another period or date (the filter stays).
function sheetQuery(
  sheet: ReturnType<typeof useLoaderData<typeof loader>>['sheet'],
  change: { period?: string; date?: string },
): string {
  const params = new URLSearchParams();
  if (sheet.selected.municipality) params.set('municipality', sheet.selected.municipality);
  if (sheet.selected.village) params.set('village', sheet.selected.village);
  for (const [key, value] of sheet.otherFilters) params.append(key, value);
  params.set('period', change.period ?? sheet.period);
  params.set('date', change.date ?? sheet.date);
  return params.toString();
}

export default function PrintCalendar() {
  const { t, language } = useI18n();
  const { sheet, regions, qr } = useLoaderData<typeof loader>();
  const title = sheetTitle(sheet.placeName, sheet.period, sheet.from, sheet.to, t, language);
  const municipalities = regions.flatMap((region) => region.municipalities);
  const query = sheetQuery(sheet, {});
  return (
    <div className="print-page">
      <PageTitle title={title} />
      <div className="print-controls">
        <p className="breadcrumb">
          <Link to={`/calendar${sheet.filter ? `?${sheet.filter}` : ''}`}>{t('print.backToCalendar')}</Link>
        </p>
        <h1 className="visually-hidden">{t('print.pageTitle')}</h1>
        <form method="get" action="/calendar/print" className="print-form">
          <h2 className="print-form__title">{t('print.formTitle')}</h2>
          {sheet.otherFilters.map(([key, value], index) => (
            <input key={`${key}-${index}`} type="hidden" name={key} value={value} />
          ))}
          <div className="field">
            <label htmlFor="print-municipality">{t('print.municipality')}</label>
            <select id="print-municipality" name="municipality" defaultValue={sheet.selected.municipality}>
              <option value="">{t('print.allMunicipalities')}</option>
              {municipalities.map((municipality) => (
                <option key={municipality.id} value={municipality.id}>
                  {municipality.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="print-village">{t('print.village')}</label>
            <p className="field__hint" id="print-village-hint">
              {t('print.villageHint')}
            </p>
            <select id="print-village" name="village" defaultValue={sheet.selected.village} aria-describedby="print-village-hint">
              <option value="">{t('print.allVillages')}</option>
              {municipalities.map((municipality) => (
                <optgroup key={municipality.id} label={municipality.name}>
                  {municipality.villages.map((village) => (
                    <option key={village.id} value={village.id}>
                      {village.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <fieldset className="field">
            <legend>{t('print.period')}</legend>
            <div className="choices">
              <div className="choice">
                <input type="radio" id="print-period" name="period" value="week" defaultChecked={sheet.period === 'week'} />
                <label htmlFor="print-period">{t('print.week')}</label>
              </div>
              <div className="choice">
                <input
                  type="radio"
                  id="print-period-month"
                  name="period"
                  value="month"
                  defaultChecked={sheet.period === 'month'}
                />
                <label htmlFor="print-period-month">{t('print.month')}</label>
              </div>
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor="print-date">{t('print.date')}</label>
            <p className="field__hint" id="print-date-hint">
              {t('print.dateHint')}
            </p>
            <input id="print-date" name="date" type="date" defaultValue={sheet.date} aria-describedby="print-date-hint" />
          </div>
          <button type="submit" className="button">
            {t('print.show')}
          </button>
        </form>
        <nav className="print-nav" aria-label={t('print.periodNav')}>
          <Link to={`/calendar/print?${sheetQuery(sheet, { date: shiftPeriod(sheet.period, sheet.date, -1) })}`}>
            {sheet.period === 'week' ? t('print.previousWeek') : t('print.previousMonth')}
          </Link>
          <Link to={`/calendar/print?${sheetQuery(sheet, { date: shiftPeriod(sheet.period, sheet.date, 1) })}`}>
            {sheet.period === 'week' ? t('print.nextWeek') : t('print.nextMonth')}
          </Link>
        </nav>
        <div className="actions print-actions">
          <a href={`/calendar/print.pdf?${query}`} className="button button--secondary" download>
            {t('print.downloadPdf')}
          </a>
        </div>
        <PrintButton />
      </div>

      {sheet.isFilterInvalid ? <p className="panel panel--warning">{t('print.filterInvalid')}</p> : null}

      <article className="print-sheet" aria-labelledby="print-sheet-title">
        <h2 id="print-sheet-title" className="print-sheet__title">
          {title}
        </h2>
        {sheet.days.length === 0 ? <p>{t('print.noEvents')}</p> : null}
        {sheet.days.map((day) => (
          <section key={day.date} className="print-day" aria-labelledby={`print-day-${day.date}`}>
            <h3 id={`print-day-${day.date}`} className="print-day__title">
              {dayHeading(day.date, language)}
            </h3>
            <ul className="print-day__items">
              {day.items.map((item) => {
                const itemText = itemTitle(item, language);
                const isCancelled = isItemCancelled(item);
                return (
                  <li key={item.id} className="print-item">
                    <span className="print-item__time">{itemTime(item, t, language)}</span>
                    <span className="print-item__body">
                      <strong className="print-item__title" lang={itemText.language}>
                        {isCancelled ? <span className="print-item__cancelled">{t('print.cancelled')} </span> : null}
                        {itemText.text}
                      </strong>
                      <span className="print-item__line">{itemPlace(item)}</span>
                      <span className="print-item__line">
                        {item.organisers.map((organiser) => organiser.name).join(', ')} · {itemPrice(item, t, language)}
                      </span>
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
        <footer className="print-sheet__footer">
          {/* The SVG comes from our own QR encoder: only path data and an escaped label. */}
          <div className="print-sheet__qr" dangerouslySetInnerHTML={{ __html: qr }} />
          <p>
            {t('print.moreOnline')}
            <br />
            <span className="print-sheet__url">{sheet.shortUrl}</span>
          </p>
        </footer>
      </article>
    </div>
  );
}
