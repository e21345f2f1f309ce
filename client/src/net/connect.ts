/**
 * The ways into a room: host, join, facilitate, project, solo, and resuming any of them after a
 * reload. Each stores what it needs to come back (seat or facilitator token) and tells the
 * session how to rejoin if the SDK's own reconnection gives up.
 */
import { Client, type Room } from "@colyseus/sdk";
import type { SoloCreateOptions, WorkshopCreateOptions } from "../../../shared/protocol/options";
import type { FacilitatorMessage, SeatMessage } from "../../../shared/protocol/messages";
import { Session } from "./session";
import { storage, type SeatRecord } from "./storage";
import { serverUrl } from "./endpoint";

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
function waitForMessage<T>(room: Room, type: string, timeoutMs = 4000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} message`)), timeoutMs);
    const off = room.onMessage(type, (payload: T) => {
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

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
  const message = waitForMessage<FacilitatorMessage>(room, "facilitator");
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
 * A solo game is not stored on the server: after a reload it can only be picked up through
 * Colyseus reconnection, within the seat's grace period.
 */
function rememberSolo(session: Session, room: Room): void {
  const save = () =>
    storage.saveSolo({
      code: room.roomId,
      name: session.identity.name,
      token: room.reconnectionToken,
      playerId: session.identity.playerId,
    });
  save();
  session.on("seat", save);
}

export async function resumeSolo(seat: SeatRecord): Promise<Session> {
  try {
    const room = await getClient().reconnect(seat.token);
    const session = new Session(
      room,
      { role: "solo", code: seat.code, playerId: seat.playerId, name: seat.name },
      null,
    );
    rememberSolo(session, room);
    await session.ready();
    return session;
  } catch (error) {
    storage.saveSolo(null);
    throw error;
  }
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
    null,
  );
  rememberSolo(session, room);
  await session.ready();
  return session;
}
