/**
 * The client in a real browser (Debian Chromium) against the real server: a facilitator and two
 * participants play a workshop, a learner plays solo to the debrief, the phone layout holds,
 * drops reconnect by themselves, and the browser computes the golden trajectories bit for bit.
 * Screenshots of every screen land in test/e2e/screenshots/ (ignored by git).
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Request } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GOLDEN_CASES } from "../golden/cases";
import { goldenTrajectory } from "../golden/trajectory";
import {
  LAPTOP,
  PHONE,
  PROJECTOR,
  ROOT,
  pageErrors,
  person,
  phase,
  scene,
  settle,
  shot,
  startRig,
  type Rig,
} from "./harness";
import { allocate, hostWorkshop, joinByCode, playSoloQuarter, submitDecision } from "./steps";

/** A loaded 2-core machine can take seconds for what usually takes milliseconds. */
const POLL = { timeout: 15_000 };

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
}, 60_000);
afterAll(async () => {
  await rig?.close();
});

describe.sequential("Élan in a real browser", () => {
  it("computes the golden trajectory hashes exactly as Node does", async () => {
    const outDir = mkdtempSync(join(tmpdir(), "elan-golden-"));
    try {
      await build({
        configFile: false,
        logLevel: "warn",
        build: {
          outDir,
          emptyOutDir: true,
          lib: {
            entry: join(ROOT, "test/e2e/golden-entry.ts"),
            formats: ["iife"],
            name: "ElanGolden",
            fileName: () => "golden.js",
          },
        },
      });
      // The test bundle goes in as an inline script, which the app's Content-Security-Policy
      // rightly refuses: this context alone bypasses it (the app itself is checked below).
      const context = await rig.browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(rig.url);
      await page.addScriptTag({ path: join(outDir, "golden.js") });
      const browserHashes = await page.evaluate(() =>
        (window as unknown as { elanGolden: () => Promise<string[]> }).elanGolden(),
      );
      const nodeHashes = GOLDEN_CASES.map((c) =>
        createHash("sha256").update(goldenTrajectory(c)).digest("hex"),
      );
      // Same code, two engines: bit-identical. (Whether they still match the pinned table after a
      // model change is test/golden's business, in Node.)
      expect(browserHashes).toHaveLength(GOLDEN_CASES.length);
      expect(browserHashes).toEqual(nodeHashes);
      await context.close();
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it("runs under a strict Content-Security-Policy, with no violation", async () => {
    const { page, context } = await person(rig, LAPTOP);
    const response = await page.goto(rig.url);
    const headers = response?.headers() ?? {};
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "connect-src 'self'",
      "style-src 'self'",
      "frame-ancestors 'none'",
    ]) {
      expect(headers["content-security-policy"]).toContain(directive);
    }
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-powered-by"]).toBeUndefined();
    await scene(page, "home");
    await settle(page);
    // Phaser booted (data: textures, blob: icons), the stylesheet applied, the SDK can connect.
    // Inline styles set through the CSSOM (as the DOM panels do) are not the policy's business.
    await page.evaluate(() => {
      const span = document.createElement("span");
      span.style.cssText = "--team: #123456; width: 10%";
      document.body.append(span);
    });
    await settle(page);
    expect(pageErrors(page)).toEqual([]);
    // A style attribute is refused (why ui/dom.ts goes through the CSSOM).
    await page.evaluate(() => {
      const span = document.createElement("span");
      span.setAttribute("style", "color: red");
      document.body.append(span);
    });
    await expect.poll(() => pageErrors(page).join("\n"), POLL).toMatch(/style-src/);
    // The policy is live and the watch sees it: an injected inline script does not run.
    await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
    });
    await expect.poll(() => pageErrors(page).join("\n"), POLL).toMatch(/script-src/);
    expect(await page.evaluate(() => "__injected" in window)).toBe(false);
    await context.close();
  });

  it("greets in French, switches to English, and explains an unknown code", async () => {
    const { page, context } = await person(rig, LAPTOP, "fr-FR");
    await page.goto(rig.url);
    await scene(page, "home");
    await expect
      .poll(() => page.textContent("[data-testid=join-submit]"), POLL)
      .toBe("Entrer dans l'atelier");
    await shot(page, "home-fr");
    await page.click("[data-testid=lang-en]");
    await expect
      .poll(() => page.textContent("[data-testid=join-submit]"), POLL)
      .toBe("Enter the workshop");
    await page.fill("[data-testid=join-code]", "ZZZZZZ");
    await page.fill("[data-testid=join-name]", "Sam");
    await page.click("[data-testid=join-submit]");
    await expect
      .poll(() => page.textContent("[data-testid=join-error]"), POLL)
      .toContain("No workshop with that code");
    await shot(page, "home-unknown-code");
    await page.click("[data-testid=tab-host]");
    await shot(page, "home-host");
    await page.click("[data-testid=tab-solo]");
    await shot(page, "home-solo");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("runs a workshop: host, join by code, two quarters to results, on a phone too", async () => {
    const fac = await person(rig, LAPTOP);
    const facRequests: Request[] = [];
    fac.page.on("request", (r) => facRequests.push(r));
    const code = await hostWorkshop(fac.page, rig.url, 2);
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    // The private link keeps the token in the fragment: another device opens the console with
    // it, the address bar is wiped, and no request ever carries the token.
    await fac.page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", {
        configurable: true,
        value: {
          writeText: async (text: string) => void ((window as { copied?: string }).copied = text),
        },
      });
    });
    await fac.page
      .getByRole("button", { name: /Lien privé d'animateur|Private facilitator link/ })
      .click();
    const privateLink = await fac.page.evaluate(() => (window as { copied?: string }).copied ?? "");
    const token = new URLSearchParams(new URL(privateLink).hash.slice(1)).get("facilitator") ?? "";
    expect(token.length).toBeGreaterThanOrEqual(16);
    expect(new URL(privateLink).search).toBe(`?code=${code}`);
    const tablet = await person(rig, LAPTOP);
    const tabletUrls: string[] = [];
    tablet.page.on("request", (r) => tabletUrls.push(r.url()));
    await tablet.page.goto(privateLink);
    await scene(tablet.page, "facilitator");
    expect(tablet.page.url()).toBe(`${rig.url}/?code=${code}`);
    expect(tabletUrls.filter((u) => u.includes(token))).toEqual([]);
    expect(pageErrors(tablet.page)).toEqual([]);
    await tablet.context.close();
    const ana = await person(rig, PHONE);
    const ben = await person(rig, LAPTOP);
    // One joins through the QR link (code pre-filled), the other types the code; a third name is hostile text.
    await joinByCode(ana.page, `${rig.url}/?code=${code}`, null, "Ana");
    await joinByCode(ben.page, rig.url, code, "<i>Ben</i>");
    await scene(ana.page, "lobby");
    await expect
      .poll(() => fac.page.locator("[data-testid=team-t2]").textContent(), POLL)
      .toContain("<i>Ben</i>");
    expect(await fac.page.locator("[data-testid=team-t2] i").count()).toBe(0);
    await shot(ana.page, "lobby-phone");
    await shot(ben.page, "lobby");
    await shot(fac.page, "console-lobby");

    const proj = await person(rig, PROJECTOR);
    await fac.page.waitForSelector("[data-testid=projector-link]");
    await proj.page.goto(
      (await fac.page.getAttribute("[data-testid=projector-link]", "href")) ?? "",
    );
    await scene(proj.page, "projector");
    await settle(proj.page);
    await shot(proj.page, "projector-lobby");

    await fac.page.click("[data-testid=phase-next]");
    await phase(fac.page, "briefing");
    for (let quarter = 1; quarter <= 2; quarter++) {
      await fac.page.click("[data-testid=phase-next]");
      await phase(ana.page, "decision");
      await phase(ben.page, "decision");
      await allocate(ana.page, { 2: 3, 4: 3, 6: 2, 3: 2 });
      await allocate(ben.page, { 7: 6, 1: 2 });
      // Teammates and the facilitator see drafts live; other teams never do.
      await fac.page.waitForFunction(() => {
        const v = window.__elan?.view() as {
          teams: Record<string, { private?: { draft: Record<string, number> } }>;
        };
        return (
          v.teams.t1?.private?.draft.culture === 3 && v.teams.t2?.private?.draft.campaigns === 6
        );
      });
      const seen = await ana.page.evaluate(() =>
        Object.entries(
          (window.__elan?.view() as { teams: Record<string, { private?: unknown }> }).teams,
        )
          .filter(([, t]) => t.private)
          .map(([id]) => id),
      );
      expect(seen).toEqual(["t1"]);
      const projectorSecrets = await proj.page.evaluate(
        () =>
          Object.values(
            (window.__elan?.view() as { teams: Record<string, { private?: unknown }> }).teams,
          ).filter((t) => t.private).length,
      );
      expect(projectorSecrets).toBe(0);
      if (quarter === 1) {
        await settle(ana.page);
        await shot(ana.page, "board-phone-decision");
        await shot(ben.page, "board-decision");
        await shot(fac.page, "console-decision");
        await shot(proj.page, "projector-decision");
        // A dropped connection comes back by itself, and says so.
        await ben.page.evaluate(() => window.__elan?.drop());
        await ben.page.waitForFunction(
          () => window.__elan?.statusLog.includes("connected"),
          undefined,
          {
            timeout: 15_000,
          },
        );
        expect(await ben.page.evaluate(() => window.__elan?.statusLog)).toEqual([
          "reconnecting",
          "connected",
        ]);
      }
      await submitDecision(ana.page);
      await submitDecision(ben.page);
      await expect
        .poll(() => fac.page.textContent("[data-testid=submissions]"), POLL)
        .toContain("2 / 2");
      await fac.page.click("[data-testid=phase-next]");
      await phase(ana.page, "results");
      await phase(ben.page, "results");
      const history = await ana.page.evaluate(
        () =>
          (
            window.__elan?.view() as {
              teams: Record<string, { history: { allocation: Record<string, number> }[] }>;
            }
          ).teams.t1?.history,
      );
      expect(history).toHaveLength(quarter);
      expect(history?.[quarter - 1]?.allocation.culture).toBe(3);
      if (quarter < 2) await fac.page.click("[data-testid=phase-next]");
    }
    // A team's reasons reach only that team (its private part): the board's text alternative
    // lists them; the projector asks for every team's and writes each gauge's main one under it.
    await expect
      .poll(() => ben.page.evaluate(() => document.querySelectorAll("h3 + ul > li").length), POLL)
      .toBeGreaterThan(0);
    const reasonLines = () =>
      proj.page.evaluate(
        () =>
          (window.__elan?.canvasTexts() ?? []).filter((t) => /^[+\u2212-]\S.* {2}\S/.test(t))
            .length,
      );
    await expect.poll(reasonLines, POLL).toBeGreaterThanOrEqual(2);
    await settle(ben.page);
    await shot(ben.page, "board-results");
    await shot(ana.page, "board-phone-results");
    await shot(fac.page, "console-results");
    await shot(proj.page, "projector-results");
    // The phone layout: nothing wider than the screen, and the other tabs render.
    expect(await ana.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await ana.page.mouse.click(PHONE.width / 2, PHONE.height - 30);
    await settle(ana.page);
    await shot(ana.page, "board-phone-gauges");
    await ana.page.mouse.click((PHONE.width * 5) / 6, PHONE.height - 30);
    await settle(ana.page);
    await shot(ana.page, "board-phone-ranking");
    // Exports: fetched with the token in an Authorization header, saved under the server's name.
    const [download] = await Promise.all([
      fac.page.waitForEvent("download"),
      fac.page.click("[data-testid=export-csv]"),
    ]);
    expect(download.suggestedFilename()).toBe(`elan-${code}.csv`);
    const csv = readFileSync((await download.path()) ?? "", "utf8");
    expect(csv.replace(/^\uFEFF/, "").startsWith("code,quarter")).toBe(true);
    expect(csv.trimEnd().split("\r\n")).toHaveLength(1 + 2 * 2);
    const exportRequest = facRequests.find((r) => r.url().includes("/export"));
    expect(exportRequest?.url()).toBe(`${rig.url}/api/workshops/${code}/export?format=csv`);
    expect(await exportRequest?.headerValue("authorization")).toBe(`Bearer ${token}`);
    expect(facRequests.filter((r) => r.url().includes(token))).toEqual([]);
    for (const p of [fac.page, ana.page, ben.page, proj.page]) expect(pageErrors(p)).toEqual([]);
    for (const p of [fac, ana, ben, proj]) await p.context.close();
  }, 90_000);

  it("plays a solo game to the debrief, with luck bands and a what-if", async () => {
    const { page, context } = await person(rig, LAPTOP);
    await page.goto(rig.url);
    await page.click("[data-testid=tab-solo]");
    await page.click("[data-testid=solo-scenario-new-cfo]");
    await page.click("[data-testid=solo-submit]");
    await scene(page, "board");
    await phase(page, "briefing");
    await settle(page);
    await shot(page, "solo-briefing");
    for (let q = 1; q <= 16; q++) {
      await playSoloQuarter(page, q, q === 1 ? "solo" : q === 8 ? "solo-cfo" : null);
      if (q === 7) {
        // The new CFO (this scenario's quarter-7 event) stays in office: the team's situation
        // reaches the page, and the board's cards say for how long.
        const situation = await page.evaluate(() => {
          const view = window.__elan!.view() as {
            teams: Record<string, { situation: { cfoQuarters: number } }>;
          };
          return Object.values(view.teams).map((t) => t.situation.cfoQuarters);
        });
        expect(situation[0]).toBe(5);
      }
    }
    await page.keyboard.press("Enter");
    await scene(page, "debrief", 15_000);
    // Predict, then reveal (the learner reveals for themself): what mattered, then the loops.
    await page.waitForSelector("[data-testid=predict-card]");
    expect(await page.locator("[data-testid=best-changes]").count()).toBe(0);
    await page.click("[data-testid=predict-culture]");
    await expect
      .poll(() => page.getAttribute("[data-testid=predict-culture]", "aria-pressed"), POLL)
      .toBe("true");
    await settle(page);
    await shot(page, "solo-debrief-predict");
    await page.click("[data-testid=predict-reveal]");
    await expect
      .poll(() => page.textContent("[data-testid=verdict-you]"), POLL)
      .toContain("Culture numérique");
    await expect
      .poll(() => page.locator("[data-testid=best-changes] li").count(), POLL)
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.evaluate(() => window.__elan?.debriefChart), POLL)
      .toEqual({ tab: "credit", items: 9 });
    const insights = await page.evaluate(() => window.__elan?.debriefInsights);
    expect(insights?.where).toBe("worker");
    const mainMs = await page.evaluate(() => window.__elan!.insightsOnMainThread());
    console.log(
      `solo debrief attribution (4 teams × 16 quarters): worker ${insights?.ms.toFixed(0)} ms, ` +
        `page waited ${insights?.waitMs.toFixed(0)} ms, main thread ${mainMs.toFixed(0)} ms`,
    );
    await settle(page);
    await shot(page, "solo-debrief-credit");
    expect(await page.textContent("[data-testid=score-split]")).toMatch(/^Score final /);
    // Trust quarter by quarter: sixteen columns, split by lever.
    await page.selectOption("[data-testid=credit-period]", "quarters:trust");
    await expect
      .poll(() => page.evaluate(() => window.__elan?.debriefChart), POLL)
      .toEqual({ tab: "credit", items: 16 });
    await settle(page);
    await shot(page, "solo-debrief-credit-trust");
    await page.click("[data-testid=debrief-tab-loops]");
    await expect
      .poll(() => page.evaluate(() => window.__elan?.debriefChart), POLL)
      .toEqual({ tab: "loops", items: 4 });
    await settle(page);
    await shot(page, "solo-debrief-loops");
    await page.click("[data-testid=debrief-tab-trajectories]");
    await settle(page);
    await shot(page, "debrief-trajectories");
    await page.click("[data-testid=debrief-tab-levers]");
    await settle(page);
    await shot(page, "debrief-levers");
    await page.click("[data-testid=debrief-tab-luck]");
    await expect
      .poll(() => page.evaluate(() => window.__elan?.debriefBandMs ?? 0), POLL)
      .toBeGreaterThan(0);
    await expect.poll(() => page.textContent("[data-testid=debrief-summary]"), POLL).toMatch(/%/);
    await settle(page);
    await shot(page, "debrief-luck");
    await page.click("[data-testid=debrief-tab-whatif]");
    await page.selectOption("[data-testid=debrief-quarter]", "5");
    await page.click("[data-testid=debrief-keep]");
    await expect
      .poll(() => page.locator("[data-testid=debrief-summary]").first().textContent(), POLL)
      .toMatch(/\d/);
    await settle(page);
    await shot(page, "debrief-whatif");
    // The same debrief on a phone.
    await page.setViewportSize(PHONE);
    await page.click("[data-testid=debrief-tab-trajectories]");
    await settle(page);
    await shot(page, "debrief-phone");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 90_000);
});
