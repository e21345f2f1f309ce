/** The moves people make in the browser tests, written once. */
import type { BrowserContext, Page } from "playwright-core";
import { LAPTOP, PHONE, PROJECTOR, person, phase, scene, settle, shot, type Rig } from "./harness";

interface Person {
  context: BrowserContext;
  page: Page;
}

/**
 * The room most browser tests need around a workshop created by SDK: the facilitator's console
 * on a laptop, Ana on a laptop and Ben on a phone seated, and the projector.
 */
export async function seatRoom(
  rig: Rig,
  workshop: { code: string; token: string },
): Promise<{ host: Person; ana: Person; ben: Person; proj: Person }> {
  const host = await person(rig, LAPTOP);
  await host.page.goto(`${rig.url}/?code=${workshop.code}#facilitator=${workshop.token}`);
  await scene(host.page, "facilitator");
  const ana = await person(rig, LAPTOP);
  const ben = await person(rig, PHONE);
  await joinByCode(ana.page, rig.url, workshop.code, "Ana");
  await joinByCode(ben.page, rig.url, workshop.code, "Ben");
  const proj = await person(rig, PROJECTOR);
  await proj.page.goto(`${rig.url}/?code=${workshop.code}&view=projector`);
  await scene(proj.page, "projector");
  return { host, ana, ben, proj };
}

/** Hosts a workshop from the home page; returns its join code. */
export async function hostWorkshop(page: Page, url: string, teams: number): Promise<string> {
  await page.goto(url);
  await page.click("[data-testid=tab-host]");
  await page.selectOption("[data-testid=host-teams]", String(teams));
  await page.click("[data-testid=host-submit]");
  await scene(page, "facilitator");
  return page.evaluate(() => (window.__elan?.view() as { code: string }).code);
}

/** Joins from a URL; types the code unless the URL pre-filled it. */
export async function joinByCode(
  page: Page,
  url: string,
  code: string | null,
  name: string,
): Promise<void> {
  await page.goto(url);
  await scene(page, "home");
  if (code) await page.fill("[data-testid=join-code]", code);
  await page.fill("[data-testid=join-name]", name);
  await page.click("[data-testid=join-submit]");
  await scene(page, "lobby");
}

/** Keyboard allocation: { leverNumber: tokens } (1–7 in board order). */
export async function allocate(page: Page, tokens: Record<number, number>): Promise<void> {
  for (const [lever, count] of Object.entries(tokens)) {
    await page.keyboard.press(lever);
    for (let i = 0; i < count; i++) await page.keyboard.press("+");
  }
}

/**
 * Enter submits what the board shows. With tokens left unspent the board asks first (a modal
 * dialog, focus on "submit anyway"), and Enter again confirms.
 */
export async function submitDecision(page: Page): Promise<void> {
  await page.keyboard.press("Enter");
  if (await page.locator("[data-testid=confirm-submit][open]").count()) {
    await page.keyboard.press("Enter");
  }
}

/** Leaves a running solo game by the brand button: the app asks first, the learner confirms. */
export async function leaveSolo(page: Page): Promise<void> {
  await page.click(".brand");
  await page.click("[data-testid=confirm-leave] [data-testid=confirm-yes]");
  await scene(page, "home");
}

/** One solo quarter from its briefing to its results (Enter does what the big button says). */
export async function playSoloQuarter(
  page: Page,
  quarter: number,
  screenshotPrefix: string | null,
): Promise<void> {
  if (quarter > 1) {
    await page.keyboard.press("Enter");
    await phase(page, "briefing");
  }
  await page.keyboard.press("Enter");
  await phase(page, "decision");
  // A full allocation in the first quarters, then a lighter touch to keep the suite quick.
  await allocate(
    page,
    quarter <= 2 ? { 1: 2, 2: 2, 4: 2, 6: 2, 3: 1, 7: 1 } : { [2 + (quarter % 5)]: 2 },
  );
  if (screenshotPrefix) {
    await settle(page);
    await shot(page, `${screenshotPrefix}-decision`);
  }
  await submitDecision(page);
  await phase(page, "results");
  if (screenshotPrefix) {
    await settle(page);
    await shot(page, `${screenshotPrefix}-results`);
  }
}
