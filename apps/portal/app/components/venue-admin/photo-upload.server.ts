import type { ApiCaller } from '../../lib/api.server';
import { uploadImageToApi } from '../../lib/image-upload.server';

export function uploadPhotoToApi(caller: ApiCaller, path: string, file: File, altText: string): Promise<void> {
  return uploadImageToApi(caller, 'POST', path, file, altText);
}
