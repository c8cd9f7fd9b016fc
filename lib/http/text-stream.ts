// A streamed text download (CSV files) from an async generator of chunks. The first chunk is read
// before the response starts, so a query that fails answers an error status instead of a 200 whose
// body just stops; a client that hangs up closes the generator (and the query behind it).
export async function textStreamResponse(chunks: AsyncGenerator<string>, headers: HeadersInit): Promise<Response> {
  const encoder = new TextEncoder();
  let pending: IteratorResult<string> | null = await chunks.next();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = pending ?? (await chunks.next());
      pending = null;
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(stream, { headers });
}
