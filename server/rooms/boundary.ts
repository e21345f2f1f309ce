/**
 * The message boundary: size, type and shape of every client message, checked once against
 * the zod schemas of shared/protocol/messages.ts, then mapped onto a session action by one
 * exhaustive switch. Validation happens here rather than through Colyseus' built-in validators
 * because those disconnect the sender; a refusal must answer `error` and keep the client.
 */
import {
  clientMessages,
  isStrategyId,
  MAX_MESSAGE_BYTES,
  type ClientMessage,
  type ClientMessageType,
} from "../../shared/index";
import type { Refusal, SessionAction } from "../session/types";

export type Decoded =
  | { ok: true; type: ClientMessageType; message: ClientMessage<ClientMessageType> }
  | { ok: false; error: Refusal };

const isKnown = (type: string): type is ClientMessageType =>
  Object.prototype.hasOwnProperty.call(clientMessages, type);

function byteLength(payload: unknown): number | null {
  try {
    return Buffer.byteLength(JSON.stringify(payload ?? null) ?? "");
  } catch {
    return null;
  }
}

export function decodeMessage(type: string | number, payload: unknown): Decoded {
  const name = String(type);
  if (!isKnown(name)) {
    return {
      ok: false,
      error: { code: "message.unknown", message: `Unknown message "${name.slice(0, 40)}".` },
    };
  }
  const size = byteLength(payload);
  if (size === null) {
    return { ok: false, error: { code: "message.invalid", message: "Unreadable payload." } };
  }
  if (size > MAX_MESSAGE_BYTES) {
    return {
      ok: false,
      error: {
        code: "message.too_large",
        message: `Payloads are limited to ${MAX_MESSAGE_BYTES} bytes.`,
      },
    };
  }
  const body = payload ?? {};
  if (name === "team.bot") {
    const strategy = (body as { strategy?: unknown }).strategy;
    if (typeof strategy === "string" && !isStrategyId(strategy)) {
      return {
        ok: false,
        error: {
          code: "bot.unknown_strategy",
          message: `Unknown strategy "${strategy.slice(0, 40)}".`,
        },
      };
    }
  }
  const parsed = clientMessages[name].safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "payload";
    return {
      ok: false,
      error: {
        code: "message.invalid",
        message: `${where}: ${issue?.message ?? "invalid"}`.slice(0, 200),
      },
    };
  }
  return { ok: true, type: name, message: parsed.data };
}

/** What a decoded message asks for: a session action, or a read-only query. */
export type Intent =
  | { kind: "action"; action: SessionAction }
  | { kind: "debrief" }
  | { kind: "clock" }
  | { kind: "reasons" };

export function toIntent(decoded: Extract<Decoded, { ok: true }>): Intent {
  const action = (a: SessionAction): Intent => ({ kind: "action", action: a });
  const { type, message } = decoded;
  switch (type) {
    case "team.join": {
      const m = message as ClientMessage<"team.join">;
      return action({ type, teamId: m.teamId });
    }
    case "allocation.set":
    case "allocation.submit": {
      const m = message as ClientMessage<"allocation.set">;
      return action({ type, allocation: m.allocation });
    }
    case "allocation.adjust": {
      const m = message as ClientMessage<"allocation.adjust">;
      return action({ type, bucket: m.bucket, delta: m.delta });
    }
    case "game.start":
    case "phase.next":
    case "timer.pause":
    case "timer.resume":
    case "game.end":
    case "debrief.reveal":
      return action({ type });
    case "timer.extend": {
      const m = message as ClientMessage<"timer.extend">;
      return action({ type, seconds: m.seconds });
    }
    case "event.inject": {
      const m = message as ClientMessage<"event.inject">;
      return action({ type, eventId: m.eventId, teams: m.teams });
    }
    case "team.rename": {
      const m = message as ClientMessage<"team.rename">;
      return action({ type, teamId: m.teamId, name: m.name });
    }
    case "player.move": {
      const m = message as ClientMessage<"player.move">;
      return action({ type, playerId: m.playerId, teamId: m.teamId });
    }
    case "team.bot": {
      const m = message as ClientMessage<"team.bot">;
      return action({ type, teamId: m.teamId, strategy: m.strategy });
    }
    case "pacing.set": {
      const m = message as ClientMessage<"pacing.set">;
      return action({ type, pacing: m.pacing });
    }
    case "debrief.predict": {
      const m = message as ClientMessage<"debrief.predict">;
      return action({ type, lever: m.lever });
    }
    case "debrief.show": {
      const m = message as ClientMessage<"debrief.show">;
      return action({ type, view: m.view, team: m.team });
    }
    case "debrief.data":
      return { kind: "debrief" };
    case "clock":
      return { kind: "clock" };
    case "results.reasons":
      return { kind: "reasons" };
    default: {
      const unreachable: never = type;
      throw new Error(`Unhandled message type ${String(unreachable)}`);
    }
  }
}
