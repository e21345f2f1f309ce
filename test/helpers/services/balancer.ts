/**
 * A small load balancer for the cluster tests, standing where nginx stands in docs/deploy.md:
 * - plain HTTP (the page, the API, matchmaking) goes to the first backend, in the order they
 *   were added, that answers `/ready` with 200 — so a client keeps one address while processes
 *   die and drain behind it;
 * - a WebSocket under `/<prefix>/…` goes to the backend added with that prefix, the prefix
 *   removed: each process's `PUBLIC_ADDRESS` is `<balancer host>/<prefix>`, so the seat a
 *   process reserves leads the client back to that very process, on the page's own origin.
 */
import { createServer, request, type IncomingMessage, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import type { Duplex } from "node:stream";

export interface Balancer {
  url: string;
  /** `host:port`, the first half of every backend's PUBLIC_ADDRESS. */
  host: string;
  /** Adds a backend (`http://127.0.0.1:port`) reached by WebSocket under `/<prefix>/`. */
  add(prefix: string, backend: string): void;
  /** Which backend plain HTTP goes to now, or null when none is ready. */
  current(): string | null;
  close(): Promise<void>;
}

function isReady(backend: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(`${backend}/ready`, { timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => req.destroy());
    req.end();
  });
}

export async function startBalancer(pollMs = 100): Promise<Balancer> {
  const backends: { prefix: string; url: string; ready: boolean }[] = [];
  const sockets = new Set<Duplex>();
  const poll = () =>
    Promise.all(
      backends.map(async (b) => {
        b.ready = await isReady(b.url);
      }),
    );
  let polling = false;
  const timer = setInterval(() => {
    if (polling) return;
    polling = true;
    void poll().finally(() => (polling = false));
  }, pollMs);
  const current = () => backends.find((b) => b.ready)?.url ?? null;

  const server: Server = createServer((req: IncomingMessage, res) => {
    const target = current();
    if (!target) {
      res.writeHead(503, { "content-type": "text/plain" });
      res.end("no backend ready");
      return;
    }
    const forward = request(
      `${target}${req.url ?? "/"}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => {
      // The backend died under the request: the client's own retry finds the next one.
      const gone = backends.find((b) => b.url === target);
      if (gone) gone.ready = false;
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end("backend gone");
    });
    req.pipe(forward);
  });

  server.on("upgrade", (req: IncomingMessage, client: Duplex, head: Buffer) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    const match = /^\/([^/]+)(\/.*)$/.exec(req.url ?? "");
    const backend = match && backends.find((b) => b.prefix === match[1]);
    if (!match || !backend) {
      client.end("HTTP/1.1 404 Not Found\r\n\r\n");
      return;
    }
    const target = new URL(backend.url);
    const upstream: Socket = connect(Number(target.port), target.hostname, () => {
      const lines = [`${req.method} ${match[2]} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      }
      upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("close", () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    add(prefix, url) {
      backends.push({ prefix, url, ready: false });
      void poll();
    },
    current,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
