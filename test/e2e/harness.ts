/**
 * What the browser tests stand on: the client built once with Vite's JS API into a temp dir, a
 * real Élan server (temp SQLite dir, free port) serving that build, and Debian's Chromium driven
 * by playwright-core. No browser is downloaded: a missing Chromium fails loudly.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { buildClient, ROOT } from "../helpers/build";
import { startTestServer, type TestServer } from "../helpers/server";

export { buildClient, ROOT };
export const SCREENSHOTS = join(ROOT, "test/e2e/screenshots");
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install Debian's chromium (apt-get install -y chromium; .ci/run does it) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface Rig {
  server: TestServer;
  browser: Browser;
  clientDir: string;
  url: string;
  close(): Promise<void>;
}

const SCRIPTED_PLAY = { burst: 500, perSecond: 250 };

export async function startRig(): Promise<Rig> {
  const clientDir = await buildClient();
  // A script presses keys far faster than a person: a 16-quarter solo game runs at 30+ actions
  // a second, over the seat's limit (30 at once, 15 a second), whose refusals the server tests
  // prove (abuse.e2e, ratelimit). Here the limit is set out of the script's way.
  const server = await startTestServer({ clientDir, rateLimit: SCRIPTED_PLAY });
  const browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    server,
    browser,
    clientDir,
    url: server.url,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(clientDir, { recursive: true, force: true });
    },
  };
}

export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1366, height: 768 };
export const PROJECTOR = { width: 1920, height: 1080 };

/**
 * A separate browser context (its own storage): one per person in the room. Reduced motion by
 * default, so a quarter's reveal shows its end state at once and never takes the key or the
 * tap a test sends next; the reveal's own tests ask for "no-preference".
 */
export async function person(
  rig: Pick<Rig, "browser">,
  viewport: { width: number; height: number },
  locale = "fr-FR",
  motion: "reduce" | "no-preference" = "reduce",
): Promise<{ context: BrowserContext; page: Page }> {
  const phone = viewport.width < 500;
  const context = await rig.browser.newContext({
    viewport,
    locale,
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: 1,
    reducedMotion: motion,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await watchCsp(page, errors);
  (page as Page & { errors?: string[] }).errors = errors;
  return { context, page };
}

/**
 * Content-Security-Policy violations count as page errors: Chromium reports each one on the
 * console, and the page's own `securitypolicyviolation` event (listened to by an init script,
 * which the policy does not govern) says which directive refused what.
 */
export async function watchCsp(page: Page, errors: string[]): Promise<void> {
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy|CSP violation/i.test(text)) errors.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.effectiveDirective} refused ${e.blockedURI || "inline"}`),
    );
  });
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Waits until the app shows `scene` (read through the test hooks). */
export async function scene(page: Page, key: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction((k) => window.__elan?.scene() === k, key, { timeout });
}

export async function phase(page: Page, value: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (p) => (window.__elan?.view() as { phase?: string } | null)?.phase === p,
    value,
    { timeout },
  );
}

/** Lets Phaser draw the latest state before a screenshot. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
  );
}
