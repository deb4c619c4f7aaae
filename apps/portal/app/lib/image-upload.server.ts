import { type RouteContract, routePath } from '@talkoot/platform/schemas';
import { data } from 'react-router';
import { ApiError, type ApiCaller } from './api.server';
import { getConfig } from './config.server';

const imageTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);

// The api takes a picture (venue photo, event picture) as the raw request body with its text
// alternative in the query; callApi speaks JSON only, so uploads share this small client.
export async function uploadImageToApi(
  caller: ApiCaller,
  route: RouteContract,
  params: Record<string, string>,
  file: File,
  altText: string,
): Promise<void> {
  const { method } = route;
  const path = routePath(route, params);
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': caller.language });
  if (caller.token) headers.set('Authorization', `Bearer ${caller.token}`);
  if (caller.clientAddress) headers.set('X-Forwarded-For', caller.clientAddress);
  if (caller.requestId) headers.set('X-Request-Id', caller.requestId);
  // An unknown type still goes to the api, which decides by decoding it (and refuses non-images).
  headers.set('Content-Type', imageTypes.has(file.type) ? file.type : 'application/octet-stream');
  let response: Response;
  try {
    response = await fetch(`${getConfig().apiUrl}${path}?${new URLSearchParams({ altText })}`, {
      method,
      headers,
      body: await file.arrayBuffer(),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    console.error(`api ${method} ${path} failed:`, error);
    throw data({ code: 'api_unavailable' }, { status: 503 });
  }
  if (response.ok) return;
  throw ApiError.fromBody(response.status, response.statusText, await response.json().catch(() => undefined));
}
