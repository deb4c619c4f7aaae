import { data, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/manage';
import { PageTitle } from '../../components/page-title';
import { FeedsSection } from '../../components/venue-admin/feeds-section';
import { PhotosSection } from '../../components/venue-admin/photos-section';
import { SpaceRulesForm } from '../../components/venue-admin/space-rules-form';
import {
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  parseSpaceForm,
  parseVenueForm,
  venueAdminApiErrors,
} from '../../components/venue-admin/venue-admin-forms';
import adminStyles from '../../components/venue-admin/venue-admin.css?url';
import { VenueDetailsForm } from '../../components/venue-admin/venue-details-form';
import { listPlacesRoute } from '@talkoot/identity/schemas';
import {
  deletePhotoRoute,
  getManagedVenueRoute,
  getVenueRoute,
  renewFeedTokenRoute,
  updateSpaceRoute,
  updateVenueRoute,
  uploadPhotoRoute,
} from '@talkoot/venues/schemas';
import { apiErrorsToFields } from '../../lib/api-errors';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import { uploadImageToApi } from '../../lib/image-upload.server';
import { getConfig } from '../../lib/config.server';
import { type FieldErrors, readFormValues } from '../../lib/forms';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/root-data';
import { formFailure, redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, type RequestState, requireViewer } from '../../lib/session.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: adminStyles }];

const doneNotices = {
  details: 'venueAdmin.done.details',
  space: 'venueAdmin.done.space',
  'photo-added': 'venueAdmin.done.photoAdded',
  'photo-deleted': 'venueAdmin.done.photoDeleted',
  'feed-renewed': 'venueAdmin.done.feedRenewed',
} as const satisfies Record<string, MessageKey>;
type Done = keyof typeof doneNotices;
type Intent = 'details' | 'space' | 'upload-photo' | 'delete-photo' | 'renew-feed';

// Only the owner's admins and coordinators (and platform admins) manage a venue; others get the
// forbidden page. The api checks the same on every call.
async function requireVenueManager(state: RequestState, venueId: string) {
  const viewer = requireViewer(state);
  const { venue } = await loadFromApi(state, getVenueRoute, { params: { id: venueId } });
  const organisationId = venue.organisation.id;
  const isManager = viewer.memberships.some(
    (m) => m.organisation.id === organisationId && (m.role === 'admin' || m.role === 'coordinator'),
  );
  if (!isManager && !viewer.user.isPlatformAdmin) throw data({ code: 'forbidden' }, { status: 403 });
  return { id: organisationId, venueId: venue.id };
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const ofVenue = await requireVenueManager(state, params.id);
  const [{ venue }, { regions }] = await Promise.all([
    loadFromApi(state, getManagedVenueRoute, { params: ofVenue }),
    loadFromApi(state, listPlacesRoute),
  ]);
  const url = new URL(request.url);
  const done = url.searchParams.get('done');
  const origin = getConfig().publicOrigin || url.origin;
  return {
    venue,
    regions,
    publicFeedUrl: `${origin}/feeds/venues/${venue.id}.ics`,
    done: done && Object.hasOwn(doneNotices, done) ? (done as Done) : null,
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  const ofVenue = await requireVenueManager(state, params.id);
  const formData = await request.formData();
  const values = readFormValues(formData);
  const intent = values.intent as Intent;
  const done = (notice: Done) => redirectWithCookies(`/venues/${encodeURIComponent(params.id)}/manage?done=${notice}`);
  const fail = (errors: FieldErrors, status = 400) => formFailure(errors, values, status, intent);

  try {
    switch (intent) {
      case 'details': {
        const lists = {
          facilities: formData.getAll('facilities').map(String),
          accessibility: formData.getAll('accessibility').map(String),
        };
        values.facilities = lists.facilities.join(',');
        values.accessibility = lists.accessibility.join(',');
        const form = parseVenueForm(values, lists);
        if (!form.isValid) return fail(form.errors);
        await callApi(state, updateVenueRoute, { params: ofVenue, body: form.body });
        return done('details');
      }
      case 'space': {
        if (!values.spaceId) return fail({ form: 'validation.invalid' });
        const form = parseSpaceForm(values);
        if (!form.isValid) return fail(form.errors);
        await callApi(state, updateSpaceRoute, { params: { ...ofVenue, spaceId: values.spaceId }, body: form.body });
        return done('space');
      }
      case 'upload-photo': {
        const file = formData.get('photo');
        const altText = (values.altText ?? '').trim();
        const errors: FieldErrors = {};
        if (!(file instanceof File) || file.size === 0) errors.photo = 'venueAdmin.error.photo';
        else if (file.size > MAX_PHOTO_BYTES) errors.photo = 'venueAdmin.error.photo';
        if (altText.length < 3 || altText.length > 300)
          errors.altText = altText ? 'venueAdmin.error.altText' : 'validation.required';
        if (Object.keys(errors).length > 0 || !(file instanceof File)) return fail(errors);
        await uploadImageToApi(state, uploadPhotoRoute, ofVenue, file, altText);
        return done('photo-added');
      }
      case 'delete-photo': {
        if (!values.photoId) return fail({ form: 'validation.invalid' });
        if (values.confirm !== 'yes') return fail({ confirm: 'validation.confirmDelete' });
        await callApi(state, deletePhotoRoute, { params: { ...ofVenue, photoId: values.photoId } });
        return done('photo-deleted');
      }
      case 'renew-feed': {
        await callApi(state, renewFeedTokenRoute, { params: ofVenue });
        return done('feed-renewed');
      }
      default:
        return fail({ form: 'validation.invalid' });
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 400 || error.status === 422) return fail(apiErrorsToFields(error, venueAdminApiErrors), error.status);
    if (error.status === 413) return fail({ photo: 'venueAdmin.error.photo' }, 413);
    if (error.status === 404) return fail({ form: 'form.gone' }, 404);
    if (error.status === 409) return fail({ form: 'form.conflict' }, 409);
    throw error;
  }
}

export default function ManageVenue() {
  const { t } = useI18n();
  const { venue, regions, publicFeedUrl, done } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const failed = (intent: Intent) => (failure?.intent === intent ? failure : undefined);
  const title = t('venueAdmin.title', { name: venue.name });
  return (
    <>
      <PageTitle title={title} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to={`/venues/${venue.id}`}>{t('venueAdmin.publicPage')}</Link>
      </p>
      <h1>{title}</h1>
      <div aria-live="polite" aria-atomic="true">
        {done ? (
          <div className="notice">
            <p>{t(doneNotices[done])}</p>
          </div>
        ) : null}
      </div>
      {failure?.errors.form ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{t(failure.errors.form)}</p>
        </div>
      ) : null}
      <p className="lead">{t('venueAdmin.intro')}</p>
      <nav aria-label={t('venueAdmin.sections')} className="section-nav">
        <ul>
          <li>
            <a href="#details-title">{t('venueAdmin.details.title')}</a>
          </li>
          <li>
            <a href="#photos-title">{t('venueAdmin.photos.title')}</a>
          </li>
          <li>
            <a href="#spaces-title">{t('venueAdmin.spaces.title')}</a>
          </li>
          <li>
            <a href="#feeds-title">{t('venueAdmin.feeds.title')}</a>
          </li>
        </ul>
      </nav>

      <VenueDetailsForm t={t} venue={venue} regions={regions} failure={failed('details')} />
      <PhotosSection
        t={t}
        photos={venue.photos}
        max={MAX_PHOTOS}
        texts={{ none: 'venueAdmin.photos.none', full: 'venueAdmin.photos.full' }}
        uploadFailure={failed('upload-photo')}
        deleteFailure={failed('delete-photo')}
      />
      <section className="manage-section section" aria-labelledby="spaces-title">
        <h2 id="spaces-title">{t('venueAdmin.spaces.title')}</h2>
        {venue.spaces.length === 0 ? <p>{t('venueAdmin.spaces.none')}</p> : null}
        {venue.spaces.map((space, index) => (
          <SpaceRulesForm
            key={space.id}
            t={t}
            space={space}
            index={index}
            failure={failure?.intent === 'space' && failure.values.spaceId === space.id ? failure : undefined}
          />
        ))}
      </section>
      <FeedsSection t={t} publicFeedUrl={publicFeedUrl} privateFeedUrl={venue.privateFeedUrl} />
    </>
  );
}
