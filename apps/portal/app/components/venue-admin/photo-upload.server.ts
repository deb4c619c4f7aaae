import { data } from 'react-router';
import { ApiError, type ApiCaller } from '../../lib/api.server';
import { getConfig } from '../../lib/config.server';

const imageTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);

// The api takes a photo as the raw request body with its text alternative in the query; callApi
// speaks JSON only, so the upload has this small client of its own.
export async function uploadPhotoToApi(caller: ApiCaller, path: string, file: File, altText: string): Promise<void> {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': caller.language });
  if (caller.token) headers.set('Authorization', `Bearer ${caller.token}`);
  if (caller.clientAddress) headers.set('X-Forwarded-For', caller.clientAddress);
  // An unknown type still goes to the api, which decides by decoding it (and refuses non-images).
  headers.set('Content-Type', imageTypes.has(file.type) ? file.type : 'application/octet-stream');
  let response: Response;
  try {
    response = await fetch(`${getConfig().apiUrl}${path}?${new URLSearchParams({ altText })}`, {
      method: 'POST',
      headers,
      body: await file.arrayBuffer(),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    console.error(`api POST ${path} failed:`, error);
    throw data({ code: 'api_unavailable' }, { status: 503 });
  }
  if (response.ok) return;
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string; fields?: Record<string, string> } } | undefined;
  throw new ApiError(response.status, body?.error?.code ?? `http_${response.status}`, body?.error?.message ?? response.statusText, body?.error?.fields ?? {});
}
