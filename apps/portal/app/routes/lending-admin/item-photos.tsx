import { data, Link, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/item-photos';
import { deleteItemPhotoRoute, getItemRoute, uploadItemPhotoRoute } from '@talkoot/lending/schemas';
import { localised } from '../../components/lending/lending-labels';
import { requireLendingOwner } from '../../components/lending/lending-owner.server';
import { PageTitle } from '../../components/page-title';
import { PhotosSection } from '../../components/venue-admin/photos-section';
import adminStyles from '../../components/venue-admin/venue-admin.css?url';
import { MAX_PHOTO_BYTES } from '../../components/venue-admin/venue-admin-forms';
import { ApiError, callApi, loadFromApi } from '../../lib/api.server';
import { apiErrorsToFields } from '../../lib/api-errors';
import { type FieldErrors, readFormValues } from '../../lib/forms';
import { uploadImageToApi } from '../../lib/image-upload.server';
import { useI18n } from '../../lib/root-data';
import { redirectWithCookies } from '../../lib/responses.server';
import { getRequestState, serializeNoticeCookie } from '../../lib/session.server';

// The api keeps at most this many photos of an item (ItemPhotoService).
const MAX_ITEM_PHOTOS = 6;

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: adminStyles }];

export async function loader({ context, params }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisationName } = requireLendingOwner(state, params.id);
  const { item } = await loadFromApi(state, getItemRoute, { params: { id: params.itemId } });
  if (item.owner.id !== params.id) throw data({ code: 'not_found' }, { status: 404 });
  return { organisationId: params.id, organisationName, item };
}

type Intent = 'upload-photo' | 'delete-photo';

export async function action({ context, params, request }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireLendingOwner(state, params.id);
  const formData = await request.formData();
  const values = readFormValues(formData);
  const intent = values.intent as Intent;
  const fail = (errors: FieldErrors, status = 400) => data({ intent, errors, values }, { status });
  const ofItem = { id: params.id, itemId: params.itemId };
  const done = (notice: 'lending_photo_added' | 'lending_photo_deleted') =>
    redirectWithCookies(`/organisations/${params.id}/lending/items/${params.itemId}/photos`, [serializeNoticeCookie(notice)]);
  try {
    if (intent === 'upload-photo') {
      const file = formData.get('photo');
      const altText = (values.altText ?? '').trim();
      const errors: FieldErrors = {};
      if (!(file instanceof File) || file.size === 0 || file.size > MAX_PHOTO_BYTES) errors.photo = 'venueAdmin.error.photo';
      if (altText.length < 3 || altText.length > 300)
        errors.altText = altText ? 'venueAdmin.error.altText' : 'validation.required';
      if (Object.keys(errors).length > 0 || !(file instanceof File)) return fail(errors);
      await uploadImageToApi(state, uploadItemPhotoRoute, ofItem, file, altText);
      return done('lending_photo_added');
    }
    if (intent === 'delete-photo') {
      if (!values.photoId) return fail({ form: 'validation.invalid' });
      if (values.confirm !== 'yes') return fail({ confirm: 'validation.confirmDelete' });
      await callApi(state, deleteItemPhotoRoute, { params: { ...ofItem, photoId: values.photoId } });
      return done('lending_photo_deleted');
    }
    return fail({ form: 'validation.invalid' });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 400 || error.status === 422)
      return fail(apiErrorsToFields(error, { generalField: 'photo' }), error.status);
    if (error.status === 413) return fail({ photo: 'venueAdmin.error.photo' }, 413);
    if (error.status === 404) return fail({ form: 'form.gone' }, 404);
    throw error;
  }
}

export default function LendingItemPhotos() {
  const { t, language } = useI18n();
  const { organisationId, organisationName, item } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const name = localised(item.name, language);
  const title = t('lendingAdmin.photos.title', { name });
  const failed = (intent: Intent) => (failure?.intent === intent ? failure : undefined);
  return (
    <>
      <PageTitle title={title} hasErrors={!!failure} />
      <p className="breadcrumb">
        <Link to={`/organisations/${organisationId}/lending`}>{t('lendingAdmin.title', { name: organisationName })}</Link>
        {' · '}
        <Link to={`/lending/items/${item.id}`}>{name}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t('lendingAdmin.photos.intro')}</p>
      <PhotosSection
        t={t}
        photos={item.photos}
        max={MAX_ITEM_PHOTOS}
        texts={{ none: 'lendingAdmin.photos.none', full: 'lendingAdmin.photos.full' }}
        uploadFailure={failed('upload-photo')}
        deleteFailure={failed('delete-photo')}
      />
    </>
  );
}
