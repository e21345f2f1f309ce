/**
 * A facilitator who needs no manual, in a real browser against a real server whose machine has
 * a LAN address (its interfaces are given to it): the console opened on 127.0.0.1 says so and
 * shows — and encodes in its QR code — the LAN address, as the projector does; the run sheet
 * opens in the console; the submission count is labelled and the disconnected named; the timer
 * stays above the fold; a participant confirms before losing tokens and sees whom the room
 * waits for; a one-year game says so and does not promise a fifth quarter. "Mes ateliers" lists,
 * reopens, downloads and ends. A solo learner picks scenario and length, and is asked before
 * leaving. Screenshots go to /tmp/elan-facil-shots (looked at, not committed).
 */
import { mkdirSync, readFileSync } from "node:fs";
import type { NetworkInterfaceInfo } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinAs, request, type Participant } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";
import {
  LAPTOP,
  PHONE,
  PROJECTOR,
  pageErrors,
  person,
  phase,
  scene,
  settle,
  startRig,
  type Rig,
} from "./harness";
import { allocate, joinByCode } from "./steps";

const SHOTS = "/tmp/elan-facil-shots";
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
const POLL = { timeout: 10_000 };
const LAN_IP = "192.168.1.23";
const nic = (address: string, internal: boolean) =>
  ({ address, internal, family: "IPv4", netmask: "", mac: "", cidr: null }) as NetworkInterfaceInfo;

let rig: Rig;
let server: TestServer;
let lan: string;
beforeAll(async () => {
  rig = await startRig();
  // The same client, served by a server whose machine sits on a room's Wi-Fi, listening on
  // every interface as `npm start` does (the page itself is opened on 127.0.0.1).
  server = await startTestServer({
    clientDir: rig.clientDir,
    host: "0.0.0.0",
    networkInterfaces: () => ({ lo: [nic("127.0.0.1", true)], wlan0: [nic(LAN_IP, false)] }),
  });
  lan = `${LAN_IP}:${server.app.port}`;
  mkdirSync(SHOTS, { recursive: true });
}, 90_000);
afterAll(async () => {
  await server?.close();
  await rig?.close();
});

async function shots(page: Page, name: string): Promise<void> {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await settle(page);
    await page.screenshot({ path: join(SHOTS, `${name}-${size.width}.png`) });
  }
  await page.setViewportSize(LAPTOP);
}

const canvasTexts = (page: Page) => page.evaluate(() => window.__elan?.canvasTexts() ?? []);
const view = <T>(page: Page) => page.evaluate(() => window.__elan?.view() as unknown) as Promise<T>;

describe.sequential("the facilitator's console, opened on 127.0.0.1", () => {
  let fac: Awaited<ReturnType<typeof person>>;
  let ana: Awaited<ReturnType<typeof person>>;
  let ben: Participant;
  let code = "";

  it("shows and encodes the LAN address, and the projector does too", async () => {
    fac = await person(rig, LAPTOP);
    await fac.page.goto(server.url);
    await fac.page.click("[data-testid=tab-host]");
    await fac.page.selectOption("[data-testid=host-teams]", "2");
    await fac.page.selectOption("#host-years", "1");
    await fac.page.click("[data-testid=host-submit]");
    await scene(fac.page, "facilitator");
    code = (await view<{ code: string }>(fac.page)).code;
    await expect
      .poll(() => fac.page.textContent("[data-testid=join-notice]"), POLL)
      .toBe(
        `Cette page est ouverte sur 127.0.0.1:${server.app.port}, que les appareils de la salle ne peuvent pas joindre : les participants rejoignent sur ${lan}.`,
      );
    expect(await fac.page.textContent("[data-testid=join-address]")).toBe(`Rejoindre sur ${lan}`);
    expect(await fac.page.getAttribute("[data-testid=join-qr]", "data-text")).toBe(
      `http://${lan}/?code=${code}`,
    );
    await shots(fac.page, "console-lobby");

    const proj = await person(rig, PROJECTOR);
    await proj.page.goto(`${server.url}/?code=${code}&view=projector`);
    await scene(proj.page, "projector");
    await expect
      .poll(async () => (await canvasTexts(proj.page)).join("\n"), POLL)
      .toContain(`Scannez ou allez sur ${lan}`);
    expect(await canvasTexts(proj.page)).not.toContainEqual(expect.stringContaining("127.0.0.1"));
    await shots(proj.page, "projector-lobby");
    expect(pageErrors(proj.page)).toEqual([]);
    await proj.context.close();
  }, 90_000);

  it("opens the run sheet: timings, injections and three debrief questions", async () => {
    const sheet = fac.page.locator("[data-testid=run-sheet]");
    expect(await sheet.getAttribute("open")).toBeNull();
    await sheet.locator("summary").click();
    expect(await sheet.getAttribute("open")).toBe("");
    // A one-year game: the opening, four quarters, the debrief, in a one-hour session.
    expect(await sheet.locator("summary").textContent()).toContain("60 min · 4 trimestres");
    expect(await sheet.locator("tbody tr").count()).toBe(6);
    expect(await sheet.locator("tbody").textContent()).toContain("Déclencher : Bad buzz");
    const questions = sheet.locator("[data-testid=run-sheet-questions] li");
    expect(await questions.count()).toBe(3);
    expect(await questions.first().textContent()).toContain("Cause : la contrainte du court terme");
    await shots(fac.page, "console-guide");
    // It stays open through the room's updates.
    ana = await person(rig, PHONE);
    await joinByCode(ana.page, server.url, code, "Ana");
    ben = await joinAs(server.url, code, { name: "Ben" });
    await expect.poll(() => fac.page.locator(".team-card li").count(), POLL).toBe(2);
    expect(await sheet.getAttribute("open")).toBe("");
  }, 60_000);

  it("labels submissions, names the disconnected, and keeps the clock above the fold", async () => {
    const teams = await view<{ players: Record<string, { name: string; teamId: string }> }>(
      fac.page,
    );
    const anaTeam = Object.values(teams.players).find((p) => p.name === "Ana")!.teamId;
    const benTeam = Object.values(teams.players).find((p) => p.name === "Ben")!.teamId;
    expect(anaTeam).not.toBe(benTeam);
    await fac.page.click("[data-testid=phase-next]"); // start
    await phase(fac.page, "briefing");
    await fac.page.click("[data-testid=phase-next]"); // open the decisions
    await phase(fac.page, "decision");
    await phase(ana.page, "decision");
    for (const id of ["console-clock", "timer-toggle", "phase-next"]) {
      const box = await fac.page.locator(`[data-testid=${id}]`).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.y + box!.height, id).toBeLessThanOrEqual(LAPTOP.height);
    }
    expect(await fac.page.textContent("[data-testid=submissions]")).toBe("0 / 2 équipe a validé");

    // Ana spends two tokens of ten and presses Enter: the board asks first.
    await scene(ana.page, "board");
    await allocate(ana.page, { 2: 2 });
    await ana.page.keyboard.press("Enter");
    const dialog = ana.page.locator("[data-testid=confirm-submit]");
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.textContent()).toContain("8 jetons non dépensés seront perdus.");
    for (const size of [PHONE, LAPTOP]) {
      await ana.page.setViewportSize(size);
      await ana.page.screenshot({ path: join(SHOTS, `board-confirm-${size.width}.png`) });
    }
    await ana.page.setViewportSize(PHONE);
    // Escape keeps her allocating; nothing was sent.
    await ana.page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    const mine = async () =>
      (await view<{ teams: Record<string, { submitted: boolean }> }>(ana.page)).teams[anaTeam]
        ?.submitted;
    expect(await mine()).toBe(false);
    await ana.page.keyboard.press("Enter");
    await ana.page.click("[data-testid=confirm-submit] [data-testid=confirm-yes]");
    await expect.poll(mine, POLL).toBe(true);
    await expect
      .poll(() => fac.page.textContent("[data-testid=submissions]"), POLL)
      .toBe("1 / 2 équipe a validé");
    // Ana sees whom the room is waiting for.
    const benTeamName = (await view<{ teams: Record<string, { name: string }> }>(ana.page)).teams[
      benTeam
    ]!.name;
    await expect
      .poll(async () => (await canvasTexts(ana.page)).join("\n"), POLL)
      .toContain(`En attente : ${benTeamName}`);
    await request(ben.room, "allocation.submit", {
      allocation: {
        longTerm: 2,
        culture: 2,
        governance: 2,
        support: 2,
        recruitment: 1,
        strategy: 1,
        campaigns: 0,
      },
    });
    await expect
      .poll(async () => (await canvasTexts(ana.page)).join("\n"), POLL)
      .toContain("En attente des autres équipes…");
    await expect
      .poll(() => fac.page.textContent("[data-testid=submissions]"), POLL)
      .toBe("2 / 2 équipes ont validé");

    // Ben's phone drops out of the room: the console names him.
    await ben.room.leave(true);
    await expect
      .poll(() => fac.page.textContent("[data-testid=disconnected]"), POLL)
      .toBe("Déconnecté : Ben");
    await expect.poll(() => fac.page.locator(".team-card .offline").count(), POLL).toBe(1);
    await shots(fac.page, "console-decision");
  }, 90_000);

  it("says the real length, ends without promising a next quarter, and turns events off", async () => {
    expect(await ana.page.textContent(".subtitle")).toBe("Un an pour faire vivre la communauté");
    // Quarters 1 to 4: Ana decides nothing after the first.
    for (let quarter = 1; quarter <= 4; quarter++) {
      if (quarter > 1) {
        await fac.page.click("[data-testid=phase-next]"); // next briefing
        await phase(fac.page, "briefing");
        await fac.page.click("[data-testid=phase-next]"); // decisions
        await phase(fac.page, "decision");
      }
      expect(await fac.page.isDisabled("[data-testid=inject-button]")).toBe(false);
      await fac.page.click("[data-testid=phase-next]"); // close and reveal
      await phase(ana.page, "results");
      await expect.poll(() => view<{ turn: number }>(ana.page).then((v) => v.turn)).toBe(quarter);
    }
    const texts = async () => (await canvasTexts(ana.page)).join("\n");
    await expect
      .poll(texts, POLL)
      .toContain("C'était le dernier trimestre : l'animateur ouvrira le débrief.");
    expect(await texts()).toContain("Aucune décision : l'allocation par défaut a été jouée.");
    expect(await texts()).not.toContain("L'animateur lancera le trimestre suivant.");
    expect(await fac.page.isDisabled("[data-testid=inject-button]")).toBe(true);
    expect(await fac.page.textContent("[data-testid=inject-card]")).toContain(
      "Plus de trimestre à jouer",
    );
    expect(pageErrors(ana.page)).toEqual([]);
    expect(pageErrors(fac.page)).toEqual([]);
    await ana.context.close();
  }, 120_000);

  it("lists the workshops in Mes ateliers: reopen, download, end", async () => {
    const page = fac.page;
    // A second, untouched workshop from the same browser.
    await page.click(".brand");
    await scene(page, "home");
    await page.click("[data-testid=tab-host]");
    await page.click("[data-testid=host-submit]");
    await scene(page, "facilitator");
    const second = (await view<{ code: string }>(page)).code;
    await page.click(".brand");
    await scene(page, "home");
    await page.click("[data-testid=open-workshops]");
    expect(new URL(page.url()).search).toBe("?workshops");
    const first = page.locator(`[data-testid=workshop-${code}]`);
    const other = page.locator(`[data-testid=workshop-${second}]`);
    await first.waitFor();
    expect(await first.locator("[data-testid=workshop-status]").textContent()).toBe(
      "Résultats · Trimestre 4 sur 4",
    );
    expect(await first.textContent()).toContain("2 équipes · créé le ");
    expect(await other.locator("[data-testid=workshop-status]").textContent()).toBe(
      "Pas encore commencé",
    );
    // The newest first.
    expect(
      await page
        .locator("[data-testid^=workshop-]:not([data-testid$=status])")
        .first()
        .getAttribute("data-testid"),
    ).toBe(`workshop-${second}`);
    await shots(page, "workshops");

    for (const [id, check] of [
      ["csv", (text: string) => expect(text).toContain("code,quarter,year,team_id")],
      ["csv-fr", (text: string) => expect(text).toContain("code;quarter;year;team_id")],
      ["json", (text: string) => expect(JSON.parse(text)).toMatchObject({ code, turn: 4 })],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        first.locator(`[data-testid=export-${id}]`).click(),
      ]);
      expect(download.suggestedFilename()).toBe(
        id === "csv-fr" ? `elan-${code}-fr.csv` : `elan-${code}.${id}`,
      );
      check(readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, ""));
    }

    // The room's PDF, printed from the workshop's JSON export (window.print records the title).
    await page.evaluate(() => {
      const w = window as Window & { printed?: string[] };
      w.printed = [];
      w.print = () => void w.printed?.push(document.title);
    });
    expect(await other.locator(`[data-testid=pdf-${second}]`).count()).toBe(0);
    await first.locator(`[data-testid=pdf-${code}]`).click();
    await expect
      .poll(() => page.evaluate(() => (window as Window & { printed?: string[] }).printed), POLL)
      .toEqual([`elan-${code}-debrief-salle`]);
    const printed = await page.evaluate(() => document.body.textContent ?? "");
    expect(printed).toContain("Leçons clés");
    expect(printed).toContain("Classement final");

    // Reopen: straight into the console of that workshop.
    await first.locator(`[data-testid=reopen-${code}]`).click();
    await scene(page, "facilitator");
    expect((await view<{ code: string }>(page)).code).toBe(code);

    // End the untouched one, after saying yes.
    await page.goto(`${server.url}/?workshops`);
    await other.waitFor();
    await other.locator(`[data-testid=end-${second}]`).click();
    await page.click("[data-testid=confirm-end] [data-testid=confirm-no]");
    expect(await other.locator("[data-testid=workshop-status]").textContent()).toBe(
      "Pas encore commencé",
    );
    await other.locator(`[data-testid=end-${second}]`).click();
    await page.click("[data-testid=confirm-end] [data-testid=confirm-yes]");
    await expect
      .poll(() => other.locator("[data-testid=workshop-status]").textContent(), POLL)
      .toBe("Terminé");
    expect(await other.locator(`[data-testid=end-${second}]`).count()).toBe(0);
    const token = await page.evaluate((c) => localStorage.getItem(`elan.facilitator.${c}`), second);
    // Both were hosted with this browser's one facilitator key: one listing finds them all.
    expect(await page.evaluate((c) => localStorage.getItem(`elan.facilitator.${c}`), code)).toBe(
      token,
    );
    expect(await page.evaluate(() => localStorage.getItem("elan.facilitatorKey"))).toBe(token);
    const listed = (await (
      await fetch(`${server.url}/api/workshops`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { code: string; phase: string }[];
    expect(listed.find((w) => w.code === second)?.phase).toBe("ended");

    // Another device: the pasted token lists its workshop.
    const other2 = await person(rig, PHONE);
    await other2.page.goto(`${server.url}/?workshops`);
    await other2.page.locator("[data-testid=workshops-empty]").waitFor();
    await other2.page.fill("[data-testid=workshops-token]", token!);
    await other2.page.click("[data-testid=workshops-paste]");
    await other2.page.locator(`[data-testid=workshop-${second}]`).waitFor();
    expect(await other2.page.locator(`[data-testid=workshop-${code}]`).count()).toBe(1);
    expect(pageErrors(other2.page)).toEqual([]);
    await other2.context.close();
    expect(pageErrors(page)).toEqual([]);
    await fac.context.close();
  }, 120_000);
});

describe.sequential("a solo learner", () => {
  it("chooses the scenario and the length, and is asked before leaving", async () => {
    const { page, context } = await person(rig, LAPTOP);
    await page.goto(rig.url);
    await page.click("[data-testid=tab-solo]");
    await page.click("[data-testid=solo-scenario-bad-buzz]");
    await page.selectOption("[data-testid=solo-years]", "1");
    await shots(page, "solo-form");
    await page.click("[data-testid=solo-submit]");
    await scene(page, "board");
    expect(await view<{ scenarioId: string; turnsTotal: number }>(page)).toMatchObject({
      scenarioId: "bad-buzz",
      turnsTotal: 4,
    });
    expect(await page.textContent(".subtitle")).toBe("Tempête sur les réseaux · 1 an");
    await page.click(".brand");
    const ask = page.locator("[data-testid=confirm-leave]");
    await ask.waitFor({ state: "visible" });
    expect(await ask.textContent()).toContain("Quitter la partie ?");
    await page.click("[data-testid=confirm-leave] [data-testid=confirm-no]");
    await ask.waitFor({ state: "detached" });
    expect(await page.evaluate(() => window.__elan?.scene())).toBe("board");
    await page.click(".brand");
    await page.click("[data-testid=confirm-leave] [data-testid=confirm-yes]");
    await scene(page, "home");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 60_000);
});
