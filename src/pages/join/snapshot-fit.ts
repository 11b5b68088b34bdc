/** How a snapshot is made to fit the service's cap (LIMITS.snapshotBytes) on the customer's
 * device: the resolution is what lets the agent read a label, so JPEG quality goes down first,
 * in steps, and the picture is scaled down only when even the lowest quality does not fit. Pure:
 * the page gives it an encoder (a canvas's toBlob), the tests a model of one. */

/** JPEG qualities tried at full size, best first. Below 0.6 text edges smear. */
export const FIT_QUALITIES = [0.92, 0.85, 0.75, 0.6] as const;
/** Each step down keeps this share of the width and height (about two thirds of the pixels). */
export const FIT_SCALE_STEP = 0.8;
/** Smaller than this on its long side a picture is no use for reading anything: given up. */
export const MIN_LONG_SIDE = 640;

export interface Encoded {
  bytes: number;
}

/** Encodes the picture at width × height and a JPEG quality. */
export type Encode<T extends Encoded> = (width: number, height: number, quality: number) => Promise<T>;

export interface Fitted<T extends Encoded> {
  encoded: T;
  width: number;
  height: number;
  quality: number;
}

/** The best encoding of a width × height picture within maxBytes, or null if none is. */
export async function fitSnapshot<T extends Encoded>(
  width: number,
  height: number,
  maxBytes: number,
  encode: Encode<T>,
): Promise<Fitted<T> | null> {
  for (const quality of FIT_QUALITIES) {
    const encoded = await encode(width, height, quality);
    if (encoded.bytes <= maxBytes) return { encoded, width, height, quality };
  }
  const quality = FIT_QUALITIES[FIT_QUALITIES.length - 1];
  for (
    let scale = FIT_SCALE_STEP;
    Math.max(width, height) * scale >= MIN_LONG_SIDE;
    scale *= FIT_SCALE_STEP
  ) {
    const w = Math.round(width * scale);
    const h = Math.round(height * scale);
    const encoded = await encode(w, h, quality);
    if (encoded.bytes <= maxBytes) return { encoded, width: w, height: h, quality };
  }
  return null;
}
