import { ACCOUNT_SID, API_KEY, API_SECRET, AUTH_TOKEN, TwilioEmulator, WORKSPACE_SID } from '.';

/** `npm run emulator`: the emulator on its own (EMULATOR_PORT, default 4010), callbacks on, spec
 * violations told as they happen. Point a bundle at it with the environment it prints. */
async function main(): Promise<void> {
  const emulator = new TwilioEmulator({ callbacks: true, log: (line) => console.log(`[emulator] ${line}`) });
  const url = await emulator.start(Number(process.env.EMULATOR_PORT ?? 4010));
  console.log(`Twilio emulator (local, no Twilio account) at ${url}
  control surface: ${url}/__emulator/state, /__emulator/events, ... (see dev/emulator/control.ts)
  a bundle talks to it with:
    ACCOUNT_SID=${ACCOUNT_SID}
    AUTH_TOKEN=${AUTH_TOKEN}
    TWILIO_API_KEY=${API_KEY}
    TWILIO_API_SECRET=${API_SECRET}
    TWILIO_FLEX_WORKSPACE_SID=${WORKSPACE_SID}
    TWILIO_API_BASE_URL=${url}`);
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
