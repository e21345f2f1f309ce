/**
 * Bundled for the browser by the e2e suite: the golden cases of the foundation, played and hashed
 * by the browser's own JavaScript engine (bots, model and SHA-256 via Web Crypto).
 */
import { GOLDEN_CASES } from "../golden/cases";
import { goldenTrajectory } from "../golden/trajectory";

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

(window as unknown as { elanGolden: () => Promise<string[]> }).elanGolden = async () => {
  const out: string[] = [];
  for (const c of GOLDEN_CASES) out.push(await sha256(goldenTrajectory(c)));
  return out;
};
