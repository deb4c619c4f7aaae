// The few Fastify reply methods raw routes (photos, pictures, calendar feeds) use; domain packages
// do not depend on Fastify itself.
export interface RawReply {
  status(code: number): RawReply;
  header(name: string, value: string): RawReply;
  type(contentType: string): RawReply;
}
