/**
 * The facilitator console's lists and buttons: teams with their players, who has submitted,
 * and which phase control makes sense now. Only the console may show drafts (it receives them).
 */
import type { ActionMessageType } from "../../../shared/protocol/serverMessages";
import type { Phase, TeamView } from "../../../shared/protocol/view";
import { allocationTotal, type Allocation } from "../../../shared/model/levers";
import type { MessageKey } from "../i18n/index";
import type { ClientView } from "../net/normalize";

export interface LobbyPlayer {
  id: string;
  name: string;
  connected: boolean;
}

export interface LobbyTeam {
  id: string;
  name: string;
  colorIndex: number;
  bot: string;
  players: LobbyPlayer[];
  submitted: boolean;
  /** The team's live draft (the facilitator receives it), when there is one. */
  draft: Allocation | null;
  draftTokens: number;
}

export function lobbyTeams(view: ClientView): LobbyTeam[] {
  const teams = Object.values(view.teams);
  return teams.map((team: TeamView, i) => {
    const players = Object.values(view.players)
      .filter((p) => p.teamId === team.id)
      .map((p) => ({ id: p.id, name: p.name, connected: p.connected }));
    const draft = team.private?.draft ?? null;
    return {
      id: team.id,
      name: team.name,
      colorIndex: i,
      bot: team.bot,
      players,
      submitted: team.submitted,
      draft,
      draftTokens: draft ? allocationTotal(draft) : 0,
    };
  });
}

/** Players not (yet) in a team. */
export function unassigned(view: ClientView): LobbyPlayer[] {
  return Object.values(view.players)
    .filter((p) => !p.teamId || !view.teams[p.teamId])
    .map((p) => ({ id: p.id, name: p.name, connected: p.connected }));
}

export interface PhaseControl {
  message: ActionMessageType;
  label: MessageKey;
}

/** The one "go on" button of each phase. */
export function phaseControl(phase: Phase, turn: number, turnsTotal: number): PhaseControl | null {
  switch (phase) {
    case "lobby":
      return { message: "game.start", label: "fac.start" };
    case "briefing":
      return { message: "phase.next", label: "fac.next.briefing" };
    case "decision":
      return { message: "phase.next", label: "fac.next.decision" };
    case "results":
      return {
        message: "phase.next",
        label: turn >= turnsTotal ? "fac.next.last" : "fac.next.results",
      };
    default:
      return null;
  }
}

export interface SubmissionSummary {
  submitted: number;
  total: number;
}

export function submissions(view: ClientView): SubmissionSummary {
  const teams = Object.values(view.teams);
  return { submitted: teams.filter((t) => t.submitted).length, total: teams.length };
}

/** Teams with neither players nor a bot: the game cannot start fairly with them. */
export function emptyTeams(view: ClientView): string[] {
  return lobbyTeams(view)
    .filter((t) => t.players.length === 0 && t.bot === "")
    .map((t) => t.id);
}

export interface Links {
  join: string;
  projector: string;
  facilitator: string;
}

/**
 * Every URL the console hands out. Participants' links (join, and the private link for another
 * device) use the address the room can reach (`joinBase`, see viewmodels/joinAddress.ts); the
 * projector link opens from this very page. No token ever goes in a URL a server sees: the
 * private link keeps it in the fragment (`#facilitator=…`, read by the page only); downloads
 * are listed in viewmodels/downloads.ts and fetched with an `Authorization` header.
 */
export function consoleLinks(
  pageOrigin: string,
  joinBase: string,
  code: string,
  token: string,
): Links {
  const enc = encodeURIComponent;
  return {
    join: `${joinBase}/?code=${enc(code)}`,
    projector: `${pageOrigin}/?code=${enc(code)}&view=projector`,
    facilitator: `${joinBase}/?code=${enc(code)}#facilitator=${enc(token)}`,
  };
}
