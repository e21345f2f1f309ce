/**
 * The built-in scenarios, read straight from shared/scenarios/*.json. The client does not go
 * through shared/scenarios/index.ts because its zod validation would add the whole of zod to the
 * bundle; the files are validated by that module in the tests and on the server, and a client
 * test checks this list matches it exactly.
 */
import type { Scenario } from "../../shared/model/types";

const files = import.meta.glob<Scenario>("../../shared/scenarios/*.json", {
  eager: true,
  import: "default",
});

export const CLIENT_SCENARIOS: readonly Scenario[] = Object.values(files).sort((a, b) =>
  a.id === "default" ? -1 : b.id === "default" ? 1 : a.id.localeCompare(b.id),
);

export function findScenario(id: string): Scenario | undefined {
  return CLIENT_SCENARIOS.find((s) => s.id === id);
}
