/**
 * The Colyseus floor for Élan's traffic (bench:server's `fanout` phase): a bare room with a
 * plain schema and the workshop's visibility, driven by the same schedule. Each draft reaches
 * its team and the facilitator through a StateView shared per team (as views.ts does), the
 * submitted flag reaches everyone, each quarter's results (the workshop's own result schema,
 * one event) reach everyone, and each team's reasons (as many, laid out as the workshop's)
 * reach that team and the facilitator inside its private part. No validation, no store, no
 * simulation: whatever the workshop costs beyond this room is Élan's, not the product's fan-out.
 *
 * Like the workshop it drops empty patch frames (patches.ts) and patches every 100 ms, so the
 * comparison measures Élan's work, not a Colyseus setting.
 */
import { Room, type Client } from "@colyseus/core";
import { schema, StateView, t, type SchemaType } from "@colyseus/schema";
import {
  BUCKET_IDS,
  CAUSE_CODES,
  eventCode,
  GAUGE_IDS,
  packAllocation,
  reasonCode,
  sourceCode,
  type Allocation,
} from "../../shared/index";
import { skipEmptyPatches } from "../../server/rooms/patches";
import { REASONS_PER_GAUGE } from "../../server/session/results";
import type { ElanClient } from "../../server/rooms/deps";
import { AllocationState, TurnResultState } from "../../server/rooms/schema";

const FanoutPrivate = schema(
  {
    draft: AllocationState,
    draftBy: t.string(),
    draftRev: t.number(),
    reasonCodes: t.array("uint8"),
    reasonValues: t.array("float32"),
  },
  "FanoutPrivate",
);
type FanoutPrivate = SchemaType<typeof FanoutPrivate>;

const FanoutTeam = schema(
  {
    id: t.string(),
    submitted: t.boolean(),
    history: t.array(TurnResultState),
    private: t.ref(FanoutPrivate).view(),
  },
  "FanoutTeam",
);
type FanoutTeam = SchemaType<typeof FanoutTeam>;

const FanoutPlayer = schema({ name: t.string(), teamId: t.string() }, "FanoutPlayer");

const FanoutState = schema(
  {
    phase: t.string(),
    turn: t.uint16(),
    teams: t.map(FanoutTeam),
    players: t.map(FanoutPlayer),
  },
  "FanoutState",
);
type FanoutState = SchemaType<typeof FanoutState>;

const TEAMS = 8;
const NEXT: Record<string, string> = {
  lobby: "briefing",
  briefing: "decision",
  decision: "results",
  results: "briefing",
};

/**
 * A quarter's public result, as large as the workshop's: the same fields, one event, and no
 * pressure or legacy (left unset, as the workshop leaves them in most quarters).
 */
function result(allocation: Allocation): TurnResultState {
  const out = new TurnResultState();
  out.engagement = 50 + Math.random();
  out.reach = 40 + Math.random();
  out.buzzVolatility = Math.random();
  out.trust = 60 + Math.random();
  out.kpi = 1 + Math.random();
  out.ssv = 100 + Math.random();
  out.score = 1000 * Math.random();
  out.allocation = packAllocation(allocation);
  out.decisionSource = sourceCode("submitted");
  out.events.push(eventCode("badBuzz"));
  return out;
}

/** A quarter's reasons, as many as the workshop's, coded and laid out the same way. */
function setReasons(team: FanoutTeam): void {
  const codes = GAUGE_IDS.flatMap((gauge) =>
    CAUSE_CODES.slice(0, REASONS_PER_GAUGE).map((cause) => reasonCode(gauge, cause)),
  );
  team.private.reasonCodes.clear();
  team.private.reasonValues.clear();
  team.private.reasonCodes.push(...codes);
  team.private.reasonValues.push(...codes.map(() => Math.random()));
}

interface AllocationPayload {
  allocation: Allocation;
}

export class FanoutRoom extends Room<{ state: FanoutState }> {
  override maxClients = 100;
  override patchRate = 100;
  override state = new FanoutState();
  /** One view per team (its members) and one holding every team (the facilitator). */
  private readonly views = new Map<string, StateView>();
  private joined = 0;
  private facilitatorSeated = false;

  override onCreate(): void {
    this.state.phase = "lobby";
    const all = new StateView();
    this.views.set("*", all);
    for (let i = 1; i <= TEAMS; i++) {
      const team = new FanoutTeam();
      team.id = `t${i}`;
      team.private = new FanoutPrivate();
      team.private.draft = new AllocationState();
      for (const id of BUCKET_IDS) team.private.draft[id] = 0; // as the workshop's empty draft
      this.state.teams.set(team.id, team);
      const view = new StateView();
      view.add(team);
      all.add(team);
      this.views.set(team.id, view);
    }
    const next = () => this.advance();
    this.onMessage("game.start", next);
    this.onMessage("phase.next", next);
    this.onMessage("allocation.set", (client: Client, payload: AllocationPayload) => {
      const team = this.teamOf(client);
      for (const id of BUCKET_IDS) team.private.draft[id] = payload.allocation[id];
      team.private.draftBy = client.sessionId;
      team.private.draftRev++;
      return { ok: true, draftRev: team.private.draftRev };
    });
    this.onMessage("allocation.submit", (client: Client) => {
      const team = this.teamOf(client);
      team.submitted = true;
      // Auto pacing, as the bench's workshops: the last submission reveals the quarter.
      if ([...this.state.teams.values()].every((t) => t.submitted)) this.advance();
      return { ok: true };
    });
  }

  private teamOf(client: Client): FanoutTeam {
    return this.state.teams.get((client.userData as { teamId: string }).teamId)!;
  }

  private advance(): void {
    const next = NEXT[this.state.phase] ?? "briefing";
    if (next === "results") {
      this.state.turn++;
      for (const team of this.state.teams.values()) {
        team.history.push(result(team.private.draft));
        setReasons(team);
        team.submitted = false;
      }
    }
    this.state.phase = next;
  }

  override onJoin(client: Client): void {
    skipEmptyPatches(client as ElanClient);
    // The creator facilitates; participants are seated round the teams in join order.
    const facilitator = !this.facilitatorSeated;
    this.facilitatorSeated = true;
    const teamId = facilitator ? "" : `t${(this.joined++ % TEAMS) + 1}`;
    client.userData = { teamId };
    client.view = this.views.get(facilitator ? "*" : teamId);
    if (facilitator) return;
    const player = new FanoutPlayer();
    player.name = client.sessionId;
    player.teamId = teamId;
    this.state.players.set(client.sessionId, player);
    client.send("seat", { playerId: client.sessionId, name: client.sessionId, teamId, token: "" });
  }

  override onDispose(): void {
    for (const view of this.views.values()) view.dispose();
  }
}
