// The few Fastify reply methods the raw routes (photos, calendar feeds) use; the domain package
// does not depend on Fastify itself.
export interface RawReply {
  status(code: number): RawReply;
  header(name: string, value: string): RawReply;
  type(contentType: string): RawReply;
}
