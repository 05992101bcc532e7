// Stored events are gzip-compressed JSON: a 5 KB browser event takes about 1.5 KB.

async function pipe(
  bytes: Uint8Array,
  stream: TransformStream<ArrayBuffer | ArrayBufferView, Uint8Array>,
): Promise<Uint8Array> {
  const piped = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

export function gzipText(text: string): Promise<Uint8Array> {
  return pipe(new TextEncoder().encode(text), new CompressionStream('gzip'));
}

/** A stored payload: a gzip BLOB (D1 returns an ArrayBuffer or a byte array) or plain JSON. */
export async function decodePayload(
  payload: string,
  gzipped: ArrayBuffer | Uint8Array | number[] | null,
): Promise<Record<string, unknown>> {
  if (!gzipped) return JSON.parse(payload) as Record<string, unknown>;
  const bytes = gzipped instanceof Uint8Array ? gzipped : new Uint8Array(gzipped);
  const text = new TextDecoder().decode(await pipe(bytes, new DecompressionStream('gzip')));
  return JSON.parse(text) as Record<string, unknown>;
}
