import type { IncomingMessage, ServerResponse } from 'node:http';

/** Server-sent events: one long-lived response per open browser tab. */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(heartbeatMs = 15_000) {
    // A comment line now and then keeps proxies and idle timeouts from closing the stream.
    this.heartbeat = setInterval(() => this.write(': ping\n\n'), heartbeatMs);
    this.heartbeat.unref();
  }

  /** Takes over the response as an event stream; `first` is sent at once (the current state). */
  attach(req: IncomingMessage, res: ServerResponse, first: { event: string; data: unknown }): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 500\n\n');
    res.write(frame(first.event, first.data));
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }

  send(event: string, data: unknown): void {
    this.write(frame(event, data));
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const res of this.clients) res.write(chunk);
  }
}

/** JSON on one `data:` line: JSON.stringify never emits a raw newline. */
function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
