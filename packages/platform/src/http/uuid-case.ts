// PostgreSQL reads a uuid in any case, but the ORM's identity map, access checks and answers
// compare ids as strings: "ABC…" and "abc…" would be two organisations. Ids are lower case
// everywhere inside, so the edge lowers every uuid-shaped string it is given.
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hasUpperCase = /[A-F]/;

export function lowerCaseUuids(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return uuidShape.test(value) && hasUpperCase.test(value) ? value.toLowerCase() : value;
  if (depth > 64 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = lowerCaseUuids(value[index], depth + 1);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = lowerCaseUuids(record[key], depth + 1);
  return value;
}
