/**
 * The ways into a room: host, join, facilitate, project, solo, and resuming any of them after a
 * reload. Each stores what it needs to come back (seat or facilitator token) and tells the
 * session how to rejoin if the SDK's own reconnection gives up.
 */
import { Client, type Room } from "@colyseus/sdk";
import type { SoloCreateOptions, WorkshopCreateOptions } from "../../../shared/protocol/options";
import type { SeatMessage } from "../../../shared/protocol/serverMessages";
import { formatJoinError } from "../../../shared/protocol/errors";
import { errorKey, isFinalJoinRefusal } from "../viewmodels/errors";
import type { SoloGame } from "../viewmodels/soloGames";
import { Session } from "./session";
import { storage, type SeatRecord } from "./storage";
import { serverUrl } from "./endpoint";
import { nextServerMessage, requestServer } from "./wire";

let client: Client | null = null;

export function getClient(): Client {
  client ??= new Client(
    serverUrl(
      window.location,
      import.meta.env.MODE === "development",
      import.meta.env.VITE_ELAN_SERVER,
    ),
  );
  return client;
}

/** The facilitator message arrives just after the join: wait for it briefly. */
const FACILITATOR_MESSAGE_TIMEOUT_MS = 4000;

function rememberSeat(session: Session): void {
  session.on("seat", (seat: SeatMessage) => {
    const record: SeatRecord = {
      code: session.identity.code,
      name: seat.name,
      token: seat.token,
      playerId: seat.playerId,
    };
    storage.saveSeat(record);
    storage.saveLastName(seat.name);
  });
}

function participantRejoin() {
  return async (session: Session): Promise<Room> => {
    const seat = storage.seat(session.identity.code);
    const options = seat
      ? { name: seat.name, seatToken: seat.token }
      : { name: session.identity.name };
    return getClient().joinById(session.identity.code, options);
  };
}

async function facilitatorRoom(code: string, token: string): Promise<Room> {
  return getClient().joinById(code, { facilitatorToken: token });
}

export async function hostWorkshop(options: WorkshopCreateOptions): Promise<Session> {
  const room = await getClient().create("workshop", options);
  const message = nextServerMessage(room, "facilitator", FACILITATOR_MESSAGE_TIMEOUT_MS);
  const session = new Session(
    room,
    { role: "facilitator", code: room.roomId, playerId: "", name: "" },
    (s) =>
      facilitatorRoom(
        s.identity.code,
        s.facilitatorToken ?? storage.facilitatorToken(s.identity.code) ?? "",
      ),
  );
  const { token, code } = await message;
  session.facilitatorToken = token;
  session.identity = { ...session.identity, code };
  storage.saveFacilitatorToken(code, token);
  await session.ready();
  return session;
}

export async function facilitate(code: string, token: string): Promise<Session> {
  const room = await facilitatorRoom(code, token);
  const session = new Session(room, { role: "facilitator", code, playerId: "", name: "" }, () =>
    facilitatorRoom(code, token),
  );
  session.facilitatorToken = token;
  storage.saveFacilitatorToken(code, token);
  await session.ready();
  return session;
}

/**
 * Ends a workshop from "Mes ateliers" without opening its console: a facilitator connection
 * (which also brings a stored workshop back, as any join by code does) sends `game.end`, waits
 * for the server's acknowledgement (the end is then durable) and leaves. Rejects with the
 * server's refusal.
 */
const END_TIMEOUT_MS = 10_000;

export async function endWorkshop(code: string, token: string): Promise<void> {
  const room = await facilitatorRoom(code, token);
  try {
    await requestServer(room, "game.end", {}, END_TIMEOUT_MS);
  } finally {
    await room.leave(true).catch(() => undefined);
  }
}

export async function joinWorkshop(code: string, name: string): Promise<Session> {
  const seat = storage.seat(code);
  // Coming back under the same name reclaims the seat; a new name is a new player.
  const options =
    seat && seat.name.toLocaleLowerCase() === name.toLocaleLowerCase()
      ? { name: seat.name, seatToken: seat.token }
      : { name };
  const room = await getClient().joinById(code, options);
  const session = new Session(
    room,
    { role: "participant", code, playerId: "", name },
    participantRejoin(),
  );
  rememberSeat(session);
  storage.saveLastName(name);
  await session.ready();
  return session;
}

export async function resumeSeat(seat: SeatRecord): Promise<Session> {
  const room = await getClient().joinById(seat.code, { name: seat.name, seatToken: seat.token });
  const session = new Session(
    room,
    { role: "participant", code: seat.code, playerId: "", name: seat.name },
    participantRejoin(),
  );
  rememberSeat(session);
  await session.ready();
  return session;
}

/**
 * The server keeps solo games and seats the learner like a participant: the seat token (renewed
 * by every `seat` message) resumes the game at any time with `joinById`. This browser lists the
 * games (viewmodels/soloGames.ts) with how far each has gone, and forgets one once it is over.
 */
function rememberSolo(session: Session): void {
  const roomId = session.identity.code;
  storage.saveCurrentSolo(roomId);
  let seat: SeatMessage | null = null;
  let saved = "";
  const save = () => {
    // Only a game with a seat token is listed: without one it could not be resumed.
    const view = session.view;
    if (!seat) return;
    const key = `${seat.token}:${view?.phase}:${view?.turn}`;
    if (key === saved) return;
    saved = key;
    storage.saveSoloGame({
      roomId,
      name: seat.name,
      token: seat.token,
      ...(view
        ? {
            scenarioId: view.scenarioId,
            turn: view.turn,
            turnsTotal: view.turnsTotal,
            phase: view.phase,
          }
        : {}),
    });
  };
  session.on("seat", (message: SeatMessage) => {
    seat = message;
    storage.saveLastName(message.name);
    save();
  });
  session.on("change", save);
}

function soloRoom(roomId: string): Promise<Room> {
  const game = storage.soloGame(roomId);
  if (!game) return Promise.reject(new Error(formatJoinError("join.bad_token", "No seat.")));
  return getClient().joinById(roomId, { name: game.name, seatToken: game.token });
}

/** When the SDK's own reconnection gives up (server restart, long sleep): the seat token. */
function soloRejoin() {
  return async (session: Session): Promise<Room> => {
    const roomId = session.identity.code;
    try {
      return await soloRoom(roomId);
    } catch (error) {
      if (isFinalJoinRefusal(errorKey(error))) storage.forgetSoloGame(roomId);
      throw error;
    }
  };
}

export async function resumeSolo(game: SoloGame): Promise<Session> {
  let room: Room;
  try {
    room = await soloRoom(game.roomId);
  } catch (error) {
    if (isFinalJoinRefusal(errorKey(error))) storage.forgetSoloGame(game.roomId);
    throw error;
  }
  const session = new Session(
    room,
    { role: "solo", code: game.roomId, playerId: "", name: game.name },
    soloRejoin(),
  );
  rememberSolo(session);
  await session.ready();
  return session;
}

export async function project(code: string): Promise<Session> {
  const room = await getClient().joinById(code, { projector: true });
  const session = new Session(room, { role: "projector", code, playerId: "", name: "" }, () =>
    getClient().joinById(code, { projector: true }),
  );
  await session.ready();
  return session;
}

export async function startSolo(options: SoloCreateOptions): Promise<Session> {
  const room = await getClient().create("solo", options);
  const session = new Session(
    room,
    { role: "solo", code: room.roomId, playerId: "", name: options.name ?? "" },
    soloRejoin(),
  );
  rememberSolo(session);
  await session.ready();
  return session;
}
