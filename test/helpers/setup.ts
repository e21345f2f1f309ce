// Node 20 has no global WebSocket; @colyseus/core needs one on its reconnection path (STACK.md).
import { WebSocket } from "ws";

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
