// `pnpm openapi`: writes docs/openapi.json from the route contracts (see openapi-document.ts).
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { committedDocumentText } from './openapi-document.js';

const target = path.resolve(import.meta.dirname, '../../../docs/openapi.json');
fs.writeFileSync(target, committedDocumentText());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
