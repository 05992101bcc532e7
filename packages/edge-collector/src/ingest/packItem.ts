import { ClientError } from '../http/ClientError';
import { MAX_STORED_PAYLOAD_BYTES, serializeForStorage } from '../limits/trimEvent';
import { gzipText } from '../store/payloadCodec';
import type { QueuedItem, ReadyItem } from '../types/IngestMessage';

/** Room for an item in a queue message (128 KB at most), leaving some for the rest. */
export const MAX_QUEUED_ITEM_BYTES = 100_000;
/** Trimming budgets tried in turn when even the compressed item does not fit. */
const TRIM_BUDGETS = [900_000, 400_000, 200_000, 120_000, 80_000];

/**
 * An item as the queue can carry it: as it is when small (nearly always), else its
 * JSON gzip-compressed, else trimmed as for storage (breadcrumbs, frame variables,
 * `extra`, long strings; noted in `trimmed`) and compressed. A 413 when nothing fits.
 */
export async function packItem(item: ReadyItem): Promise<QueuedItem> {
  const json = JSON.stringify(item);
  const bytes = new TextEncoder().encode(json).length;
  if (bytes <= MAX_QUEUED_ITEM_BYTES) return item;
  // What D1 cannot hold even trimmed is refused now, while the client hears it (413).
  if (bytes > MAX_STORED_PAYLOAD_BYTES) {
    item = { ...item, event: JSON.parse(serializeForStorage(item.event)) };
  }
  const category = item.kind === 'event' ? item.category : 'transaction';
  const eventId = item.event.event_id;
  // Base64 (messages are JSON) makes the compressed bytes a third longer: that must fit.
  const packed = async (value: ReadyItem): Promise<QueuedItem | undefined> => {
    const gzip = await gzipText(JSON.stringify(value));
    const base64 = btoa(Array.from(gzip, (byte) => String.fromCharCode(byte)).join(''));
    return base64.length <= MAX_QUEUED_ITEM_BYTES
      ? { kind: 'packed', eventId, category, gzip: base64 }
      : undefined;
  };
  const whole = await packed(item);
  if (whole) return whole;
  for (const budget of TRIM_BUDGETS) {
    const trimmed = await packed({
      ...item,
      event: JSON.parse(serializeForStorage(item.event, budget)),
    });
    if (trimmed) return trimmed;
  }
  throw new ClientError(413, `event does not fit in ${MAX_QUEUED_ITEM_BYTES} bytes compressed`);
}

/** The item `packItem` packed. */
export async function unpackItem(item: QueuedItem): Promise<ReadyItem> {
  if (item.kind !== 'packed') return item;
  const bytes = Uint8Array.from(atob(item.gzip), (char) => char.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text()) as ReadyItem;
}
