/**
 * The exports over real HTTP from a real server, after a workshop played by bots through real SDK
 * clients: the international CSV (commas, decimal points), the French spreadsheet CSV (semicolons,
 * decimal commas, a BOM so Excel reads the accents), quoting of cells that hold a separator or a
 * quote, the JSON's replayable game, and a clear refusal of a format nobody knows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replay } from "../../shared/analysis/replay";
import type { DebriefData } from "../../shared/protocol/view";
import { createWorkshop, request, waitFor, type Facilitator } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

let server: TestServer;
let fac: Facilitator;
const NAME = 'Les "Rapides"; vraiment';

beforeAll(async () => {
  server = await startTestServer();
  fac = await createWorkshop(server.url, { teams: 2, years: 1, decisionSeconds: 0, seed: "csv" });
  await request(fac.room, "team.rename", { teamId: "t1", name: NAME });
  await request(fac.room, "team.rename", { teamId: "t2", name: "Équipe à virgule, oui" });
  await request(fac.room, "team.bot", { teamId: "t1", strategy: "balanced" });
  await request(fac.room, "team.bot", { teamId: "t2", strategy: "buzz" });
  await request(fac.room, "game.start");
  for (let q = 1; q <= 4; q++) {
    await request(fac.room, "phase.next"); // briefing → decision
    await request(fac.room, "phase.next"); // decision → results (the bots decide)
    await request(fac.room, "phase.next"); // results → next briefing, or the debrief
  }
  await waitFor(() => fac.room.state.phase === "debrief", 5000, "debrief");
}, 30_000);

afterAll(async () => {
  await fac?.room.leave();
  await server?.close();
});

const get = (format: string) =>
  fetch(`${server.url}/api/workshops/${fac.code}/export?format=${format}`, {
    headers: { authorization: `Bearer ${fac.token}` },
  });

/** The body as sent: `Response.text()` would drop the BOM this test looks for. */
async function rawText(res: Response): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
}

/** Splits one CSV line (RFC 4180 quoting) into its cells. */
function cells(line: string, separator: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === separator && !quoted) {
      out.push(cell);
      cell = "";
    } else {
      cell += c;
    }
  }
  out.push(cell);
  return out;
}

describe("exports over HTTP", () => {
  it("writes the French spreadsheet CSV: BOM, semicolons, decimal commas, quoted cells", async () => {
    const res = await get("csv-fr");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="elan-${fac.code}-fr.csv"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 BOM
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split("\r\n");
    expect(lines.pop()).toBe(""); // CRLF after the last row too
    expect(lines).toHaveLength(1 + 2 * 4);
    const header = cells(lines[0]!, ";");
    expect(header.slice(0, 5)).toEqual(["code", "quarter", "year", "team_id", "team_name"]);
    expect(lines[0]).not.toContain(",");
    const col = (name: string) => header.indexOf(name);
    const rows = lines.slice(1).map((l) => cells(l, ";"));
    for (const row of rows) expect(row).toHaveLength(header.length);
    // The name with a quote and a semicolon is quoted, its quotes doubled; a comma alone is not
    // a separator here, but stays quoted (it would be in the international dialect).
    expect(lines[1]).toContain(`;"Les ""Rapides""; vraiment";`);
    expect(rows[0]![col("team_name")]).toBe(NAME);
    expect(rows[1]![col("team_name")]).toBe("Équipe à virgule, oui");
    // Numbers with a decimal comma, never a point.
    const engagement = rows.map((r) => r[col("engagement")]!);
    for (const value of engagement) expect(value).toMatch(/^-?\d+(,\d+)?$/);
    expect(engagement.some((v) => v.includes(","))).toBe(true);
    expect(rows[7]![col("score")]).toMatch(/^\d+,\d+$/);
  });

  it("keeps the international CSV (commas, decimal points) with the same numbers", async () => {
    const [fr, intl] = await Promise.all([get("csv-fr"), get("csv")]);
    expect(intl.headers.get("content-disposition")).toBe(
      `attachment; filename="elan-${fac.code}.csv"`,
    );
    const frLines = (await rawText(fr)).slice(1).trimEnd().split("\r\n");
    const intlText = await rawText(intl);
    expect(intlText.charCodeAt(0)).toBe(0xfeff);
    const intlLines = intlText.slice(1).trimEnd().split("\r\n");
    expect(intlLines).toHaveLength(frLines.length);
    const header = cells(intlLines[0]!, ",");
    const score = header.indexOf("score");
    for (let i = 1; i < intlLines.length; i++) {
      const a = cells(intlLines[i]!, ",");
      const b = cells(frLines[i]!, ";");
      expect(a[score]).toMatch(/^\d+(\.\d+)?$/);
      expect(b[score]).toBe(a[score]!.replace(".", ","));
      expect(Number(a[score])).toBeGreaterThan(0);
    }
    expect(intlLines[1]).toContain(`,"Les ""Rapides""; vraiment",`);
  });

  it("puts the replayable game in the JSON export", async () => {
    const res = await get("json");
    expect(res.status).toBe(200);
    const data = (await res.json()) as {
      game: DebriefData;
      rows: { quarter: number; teamId: string; score: number }[];
    };
    expect(data.game.teamIds).toEqual(["t1", "t2"]);
    expect(data.game.log).toHaveLength(4);
    const game = replay(data.game.scenario, data.game.seed, data.game.teamIds, data.game.log);
    if (!game.ok) throw new Error(game.error.message);
    const last = data.rows.filter((r) => r.quarter === 4);
    for (const row of last) {
      expect(game.value.history[row.teamId]?.[3]?.outputs.score).toBeCloseTo(row.score, 9);
    }
  });

  it("refuses a format nobody knows, with a clear error", async () => {
    for (const format of ["xlsx", "CSV", "csv-de", "", "csv%3Bfr"]) {
      const res = await get(format);
      expect(res.status, format).toBe(400);
      const body = (await res.json()) as { code: string; message: string };
      expect(body.code).toBe("export.bad_format");
      expect(body.message).toContain("csv-fr");
    }
  });
});
