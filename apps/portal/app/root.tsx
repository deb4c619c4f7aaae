import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
  useMatches,
} from 'react-router';
import type { Route } from './+types/root';
import { NoticeBanner } from './components/notice-banner';
import { PageTitle } from './components/page-title';
import { SiteFooter } from './components/site-footer';
import { SiteHeader } from './components/site-header';
import type { MessageKey } from './lib/i18n';
import { useI18n, type RootData } from './lib/root-data';
import { requestStateMiddleware } from './lib/request-state.server';
import { getRequestState } from './lib/session.server';
import stylesheet from './styles/app.css?url';

export const middleware: Route.MiddlewareFunction[] = [requestStateMiddleware];

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export function loader({ context }: Route.LoaderArgs): RootData {
  const state = getRequestState(context);
  return {
    language: state.language,
    viewer: state.viewer
      ? {
          user: { id: state.viewer.user.id, name: state.viewer.user.name, isPlatformAdmin: state.viewer.user.isPlatformAdmin },
          memberships: state.viewer.memberships,
        }
      : null,
    selectedOrganisationId: state.selectedOrganisationId,
    notice: state.notice,
  };
}

// The middleware asks the api who is signed in on every request anyway; re-reading keeps the
// header and the one-shot notice current on client-side navigation.
export const shouldRevalidate: ShouldRevalidateFunction = () => true;

// Public reading pages (the event calendar) work fully without JavaScript and are read on slow
// phones: a route with `handle.hydrate === false` gets no scripts at all, which keeps it light.
function useHydration(): boolean {
  return !useMatches().some((match) => (match.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const { language, t } = useI18n();
  const hydrate = useHydration();
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t('layout.skipToContent')}
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="container">
          <NoticeBanner />
          {children}
        </main>
        <SiteFooter />
        {hydrate ? <ScrollRestoration /> : null}
        {hydrate ? <Scripts /> : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const errorMessages: Record<'notFound' | 'forbidden' | 'unavailable' | 'failed', { title: MessageKey; body: MessageKey }> = {
  notFound: { title: 'error.notFound.title', body: 'error.notFound.body' },
  forbidden: { title: 'error.forbidden.title', body: 'error.forbidden.body' },
  unavailable: { title: 'error.unavailable.title', body: 'error.unavailable.body' },
  failed: { title: 'error.failed.title', body: 'error.failed.body' },
};

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind =
    status === 404 || status === 405
      ? 'notFound'
      : status === 403 || status === 401
        ? 'forbidden'
        : status === 503 || status === 502
          ? 'unavailable'
          : 'failed';
  if (!isRouteErrorResponse(error) && import.meta.env.DEV) console.error(error);
  const message = errorMessages[kind];
  return (
    <div className="error-page">
      <PageTitle title={t(message.title)} />
      <p className="error-page__status">{t('error.status', { status })}</p>
      <h1>{t(message.title)}</h1>
      <p>{t(message.body)}</p>
      <p>
        <a href="/" className="button">
          {t('error.goHome')}
        </a>
      </p>
    </div>
  );
}
