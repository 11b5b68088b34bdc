/** The customer's side of snapshots (README, "Snapshots"), part of /join/assist.js: the agent's
 * request arrives over the assist channel; under `ask` the customer allows or declines each
 * picture; then the page flashes and says so, takes the still from the customer's own camera at
 * its best (ImageCapture.takePhoto where the browser has it, else a frame of the local camera
 * track at its full size: never the video the agent receives), fits it to the service's cap
 * (snapshot-fit.ts) and posts it to /video/snapshot with the invite. The agent's panel hears
 * that the request arrived, then what became of it. */
import { LIMITS, SNAPSHOT_TYPES, type ApiRequest } from '../../contract';
import type { AssistChannel, AssistMessageOf } from '../shared/assist-channel';
import { h } from '../shared/view/dom';
import type { AssistCall } from './assist-script';
import { fitSnapshot } from './snapshot-fit';

/** The agent's request lives 120 s on the server: a prompt left unanswered is declined first. */
const PROMPT_TIMEOUT_MS = 100_000;
const TAKEN_NOTICE_MS = 4_000;

type Answer = AssistMessageOf<'snapshot-answer'>;

interface Still {
  source: CanvasImageSource;
  width: number;
  height: number;
  /** What the camera itself encoded (takePhoto), sent as it is when it fits. */
  photo?: Blob;
}

export function answerSnapshots(call: AssistCall, channel: AssistChannel): () => void {
  let busy = false;
  return channel.on('snapshot-request', (message) => {
    const requestId = message.requestId;
    // At once, whatever follows: the panel tells the agent whether the request arrived.
    channel.send({ type: 'snapshot-received', requestId });
    const answer = (outcome: Answer['outcome'], sent?: Pick<Answer, 'width' | 'height' | 'bytes'>) =>
      channel.send({ type: 'snapshot-answer', requestId, outcome, ...sent });
    // One picture at a time; a policy of off never posts, whatever the panel asks.
    if (busy || call.snapshots === 'off') return void answer('declined');
    busy = true;
    void takeAndPost(call, requestId)
      .then((sent) => (sent ? answer('posted', sent) : answer('declined')))
      .catch(() => answer('failed'))
      .finally(() => (busy = false));
  });
}

/** Null when the customer declined or has no camera on. */
async function takeAndPost(call: AssistCall, requestId: string) {
  const track = call.media.video;
  if (!track || track.readyState !== 'live') return null;
  if (call.snapshots === 'ask' && !(await askCustomer(call))) return null;
  showTaken(call);
  const still = await captureStill(track);
  const picture = await encodeWithinCap(still);
  const request: ApiRequest<'/video/snapshot'> = {
    Invite: call.invite,
    RequestId: requestId,
    ContentType: picture.type,
    Image: await base64Of(picture.blob),
  };
  const response = await fetch('/video/snapshot', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`snapshot refused: ${response.status}`);
  return { width: picture.width, height: picture.height, bytes: picture.blob.size };
}

function overlay(label: string, ...children: Node[]): HTMLElement {
  const element = h(
    'div',
    { class: 'snapshot-prompt', role: 'alertdialog', 'aria-label': label },
    ...children,
  );
  Object.assign(element.style, {
    position: 'fixed',
    left: '50%',
    bottom: '6rem',
    transform: 'translateX(-50%)',
    zIndex: '20',
    maxWidth: 'min(26rem, calc(100vw - 2rem))',
    padding: '1rem',
    borderRadius: '0.75rem',
    background: '#fff',
    color: '#1f2937',
    boxShadow: '0 0.5rem 2rem rgba(0, 0, 0, 0.35)',
  });
  document.body.append(element);
  return element;
}

function askCustomer(call: AssistCall): Promise<boolean> {
  const text = call.text;
  return new Promise((resolve) => {
    const settle = (allowed: boolean) => {
      clearTimeout(timer);
      prompt.remove();
      resolve(allowed);
    };
    const allow = h(
      'button',
      { type: 'button', class: 'button primary', onclick: () => settle(true) },
      text.snapshotAllow,
    );
    const decline = h(
      'button',
      { type: 'button', class: 'button', onclick: () => settle(false) },
      text.snapshotDecline,
    );
    const buttons = h('div', {}, allow, ' ', decline);
    const prompt = overlay(
      text.snapshotAskTitle,
      h('p', {}, h('strong', {}, text.snapshotAskTitle)),
      h('p', {}, text.snapshotAskBody),
      buttons,
    );
    const timer = setTimeout(() => settle(false), PROMPT_TIMEOUT_MS);
    allow.focus();
  });
}

/** The disclosure, under `ask` and `on` alike: a flash over the page and the words. */
function showTaken(call: AssistCall): void {
  const flash = h('div', { class: 'snapshot-flash', 'aria-hidden': 'true' });
  Object.assign(flash.style, {
    position: 'fixed',
    inset: '0',
    zIndex: '30',
    background: '#fff',
    pointerEvents: 'none',
  });
  document.body.append(flash);
  const fade = flash.animate([{ opacity: 0.9 }, { opacity: 0 }], { duration: 700, easing: 'ease-out' });
  fade.onfinish = () => flash.remove();
  const notice = overlay(call.text.snapshotTaken, h('p', { role: 'status' }, call.text.snapshotTaken));
  notice.setAttribute('role', 'status');
  notice.dataset.snapshot = 'taken';
  setTimeout(() => notice.remove(), TAKEN_NOTICE_MS);
}

interface ImageCaptureLike {
  takePhoto(): Promise<Blob>;
}
type ImageCaptureClass = new (track: MediaStreamTrack) => ImageCaptureLike;

async function captureStill(track: MediaStreamTrack): Promise<Still> {
  const Capture = (window as { ImageCapture?: ImageCaptureClass }).ImageCapture;
  if (Capture) {
    try {
      const photo = await new Capture(track).takePhoto();
      const bitmap = await createImageBitmap(photo);
      return { source: bitmap, width: bitmap.width, height: bitmap.height, photo };
    } catch {
      // Some cameras refuse photos while they stream: the frame below is the next best.
    }
  }
  const video = h('video', { muted: true, playsinline: true });
  video.muted = true;
  video.srcObject = new MediaStream([track]);
  await video.play();
  const canvas = h('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')?.drawImage(video, 0, 0);
  video.pause();
  video.srcObject = null;
  return { source: canvas, width: canvas.width, height: canvas.height };
}

interface Picture {
  blob: Blob;
  type: (typeof SNAPSHOT_TYPES)[number];
  width: number;
  height: number;
}

async function encodeWithinCap(still: Still): Promise<Picture> {
  const photoType = SNAPSHOT_TYPES.find((type) => type === still.photo?.type);
  if (still.photo && photoType && still.photo.size <= LIMITS.snapshotBytes)
    return { blob: still.photo, type: photoType, width: still.width, height: still.height };
  const fitted = await fitSnapshot(
    still.width,
    still.height,
    LIMITS.snapshotBytes,
    (width, height, quality) => {
      const canvas = h('canvas');
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d')?.drawImage(still.source, 0, 0, width, height);
      return new Promise<{ blob: Blob; bytes: number }>((resolve, reject) =>
        canvas.toBlob(
          (blob) => (blob ? resolve({ blob, bytes: blob.size }) : reject(new Error('no JPEG'))),
          'image/jpeg',
          quality,
        ),
      );
    },
  );
  if (!fitted) throw new Error('the picture cannot fit the cap');
  return { blob: fitted.encoded.blob, type: 'image/jpeg', width: fitted.width, height: fitted.height };
}

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data: URL, read as one: its base64 follows the first comma.
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('unreadable picture'));
    reader.readAsDataURL(blob);
  });
}
