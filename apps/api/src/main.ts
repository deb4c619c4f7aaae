import 'reflect-metadata';
import { loadConfigOrExit } from '@talkoot/platform';
import { createApi } from './create-api.js';

const config = loadConfigOrExit();
const app = await createApi(config);
// Behind the portal's public origin; only the loopback interface unless told otherwise.
await app.listen({ port: config.API_PORT, host: process.env.API_HOST ?? '127.0.0.1' });
