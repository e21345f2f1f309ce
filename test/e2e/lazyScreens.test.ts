/**
 * Screens loaded when first shown, in a real browser: a participant who joins and plays to the
 * board never fetches the console's, the projector's or the debrief's code; a facilitator whose
 * console is slow to arrive sees "Chargement de l'écran…" on the page they are on, then the
 * console; a console that cannot be fetched says so once, and opens on a reload once the
 * network is back.
 */
import type { Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkshop, joinAs, request } from "../helpers/clients";
import { LAPTOP, PHONE, pageErrors, person, scene, startRig, type Rig } from "./harness";
import { joinByCode } from "./steps";

const LATER_CHUNKS = /\/assets\/(FacilitatorScene|ProjectorScene|DebriefScene|workshopsPage)-/;
const CONSOLE_CHUNK = /\/assets\/FacilitatorScene-[^/]+\.js$/;

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
}, 90_000);
afterAll(async () => {
  await rig?.close();
});

describe("screens loaded when first shown", () => {
  it("a participant's page never fetches the console, projector or debrief code", async () => {
    const fac = await createWorkshop(rig.url, { teams: 2, decisionSeconds: 0 });
    const ben = await person(rig, PHONE);
    const fetched: string[] = [];
    ben.page.on("request", (r) => fetched.push(r.url()));
    await joinByCode(ben.page, `${rig.url}/?code=${fac.code}`, null, "Ben");
    await request(fac.room, "team.bot", { teamId: "t2", strategy: "balanced" });
    await request(fac.room, "game.start", {});
    await request(fac.room, "phase.next", {});
    await scene(ben.page, "board");
    await ben.page.waitForFunction(() => (window.__elan?.boardReadyAt ?? 0) > 0);
    expect(fetched.some((url) => url.includes("/assets/phaser-"))).toBe(true);
    expect(fetched.filter((url) => LATER_CHUNKS.test(url))).toEqual([]);
    expect(pageErrors(ben.page)).toEqual([]);
    await ben.context.close();
    await fac.room.leave(true);
  });

  it("shows a loading notice while the console's code is on its way, then the console", async () => {
    const fac = await createWorkshop(rig.url, { teams: 2 });
    const host = await person(rig, LAPTOP);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await host.page.route(CONSOLE_CHUNK, async (route: Route) => {
      await gate;
      await route.continue();
    });
    await host.page.goto(`${rig.url}/?code=${fac.code}#facilitator=${fac.token}`);
    const notice = host.page.locator("[data-testid=loading-notice]");
    await notice.waitFor({ state: "visible" });
    expect(await notice.textContent()).toBe("Chargement de l'écran…");
    expect(await notice.getAttribute("role")).toBe("status");
    expect(await host.page.evaluate(() => window.__elan?.scene())).not.toBe("facilitator");
    release();
    await scene(host.page, "facilitator");
    await notice.waitFor({ state: "detached" });
    expect(await host.page.locator("[data-testid=loading-notice]").count()).toBe(0);
    expect(pageErrors(host.page)).toEqual([]);
    await host.context.close();
    await fac.room.leave(true);
  });

  it("says so once when the console's code cannot be fetched, and opens on a reload", async () => {
    const fac = await createWorkshop(rig.url, { teams: 2 });
    // A participant seated, so the console has something to show when it comes.
    const ana = await joinAs(rig.url, fac.code, { name: "Ana" });
    const host = await person(rig, LAPTOP);
    await host.page.route(CONSOLE_CHUNK, (route: Route) => route.abort("internetdisconnected"));
    await host.page.goto(`${rig.url}/?code=${fac.code}#facilitator=${fac.token}`);
    await host.page
      .locator(".toast-error", { hasText: "Cet écran n'a pas pu être chargé" })
      .waitFor({ state: "visible" });
    expect(await host.page.evaluate(() => window.__elan?.scene())).not.toBe("facilitator");
    // Said once, however often the room changes meanwhile.
    await ana.room.leave(true);
    await joinAs(rig.url, fac.code, { name: "Ben" });
    await host.page.waitForFunction(() => {
      const view = window.__elan?.view() as { players?: Record<string, { name: string }> } | null;
      return Object.values(view?.players ?? {}).some((p) => p.name === "Ben");
    });
    expect(await host.page.locator(".toast-error").count()).toBe(1);
    // The network is back: a reload opens the console.
    await host.page.unroute(CONSOLE_CHUNK);
    await host.page.reload();
    await scene(host.page, "facilitator");
    await host.context.close();
    await fac.room.leave(true);
  });
});
