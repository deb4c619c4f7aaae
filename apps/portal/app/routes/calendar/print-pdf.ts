import type { Route } from './+types/print-pdf';
import { loadPrintSheet } from '../../components/print/print-data.server';
import { renderPrintPdf } from '../../components/print/print-pdf.server';
import { listPlacesRoute } from '@talkoot/identity/schemas';
import { loadFromApi } from '../../lib/api.server';
import { createTranslator } from '../../lib/i18n';
import { getRequestState } from '../../lib/session.server';

// /calendar/print.pdf?<the same query as /calendar/print>: the sheet as an A4 PDF.
export async function loader({ context, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { regions } = await loadFromApi(state, listPlacesRoute);
  const sheet = await loadPrintSheet(state, request, regions);
  const pdf = await renderPrintPdf(sheet, createTranslator(state.language), state.language);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="tapahtumat-${sheet.from}.pdf"`,
      'Cache-Control': 'private, max-age=300',
    },
  });
}
