/**
 * Reads a request body into memory, counting bytes as they arrive and stopping
 * (cancelling the stream) as soon as there are more than `limit`: a client that
 * lies about Content-Length, or sends none, cannot make the server hold more.
 */
export async function readLimitedBody(body: ReadableStream<Uint8Array>, limit: number, tooLarge: () => Error): Promise<Buffer> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
