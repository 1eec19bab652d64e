import WebSocket from 'ws';
import { describeError } from '../http/http-request.js';

export interface WsProbeOptions {
  url: URL;
  clients: number;
  messagesPerClient: number;
  /** `ping`: protocol ping/pong frames. `echo`: a JSON message the server must send back. */
  mode: 'ping' | 'echo';
  /** Per round trip and per connection attempt. */
  timeoutMs: number;
  signal: AbortSignal;
}

export interface WsProbeResult {
  /** Round-trip times in ms (float), one per answered message. */
  rtts: number[];
  connected: number;
  /** First few distinct failure reasons, e.g. "connect: ECONNREFUSED", "no pong within 5000 ms". */
  failures: string[];
  failureCount: number;
}

function connect(url: URL, timeoutMs: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { handshakeTimeout: timeoutMs });
    socket.once('open', () => resolve(socket));
    socket.once('error', (error) => reject(error));
    socket.once('unexpected-response', (_req, res) => {
      socket.terminate();
      reject(new Error(`HTTP ${res.statusCode} instead of a WebSocket upgrade`));
    });
  });
}

/** One round trip: resolves with the RTT in ms, rejects on timeout or close. */
function roundTrip(socket: WebSocket, mode: 'ping' | 'echo', id: string, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('pong', onPong);
      socket.off('message', onMessage);
      socket.off('close', onClose);
    };
    const done = () => {
      cleanup();
      resolve(Number(process.hrtime.bigint() - started) / 1e6);
    };
    const onPong = (data: Buffer) => {
      if (data.toString() === id) done();
    };
    // Servers may push other messages (e.g. live updates): only the echo of our id counts.
    const onMessage = (data: WebSocket.RawData) => {
      try {
        const parsed: unknown = JSON.parse(data.toString());
        if (typeof parsed === 'object' && parsed !== null && (parsed as { id?: unknown }).id === id) done();
      } catch {
        // not JSON: not our echo
      }
    };
    const onClose = () => {
      cleanup();
      reject(new Error('connection closed mid-test'));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no ${mode === 'ping' ? 'pong' : 'echo'} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('pong', onPong);
    socket.on('message', onMessage);
    socket.once('close', onClose);
    const started = process.hrtime.bigint();
    if (mode === 'ping') socket.ping(id);
    else socket.send(JSON.stringify({ type: 'ping', id }));
  });
}

/**
 * Opens `clients` concurrent connections; each sends `messagesPerClient` round trips one after another.
 * Every loop is bounded by the counts and every wait by `timeoutMs`; a client stops at its first failure.
 */
export async function probeWebSocket(options: WsProbeOptions): Promise<WsProbeResult> {
  const rtts: number[] = [];
  const failures = new Set<string>();
  let failureCount = 0;
  let connected = 0;
  const fail = (reason: string) => {
    failureCount += 1;
    if (failures.size < 5) failures.add(reason);
  };
  const runClient = async (index: number) => {
    let socket: WebSocket;
    try {
      socket = await connect(options.url, options.timeoutMs);
      connected += 1;
    } catch (error) {
      fail(`connect: ${describeError(error)}`);
      return;
    }
    try {
      for (let n = 0; n < options.messagesPerClient && !options.signal.aborted; n++) {
        rtts.push(await roundTrip(socket, options.mode, `shipgate-${index}-${n}`, options.timeoutMs));
      }
    } catch (error) {
      fail(describeError(error));
    } finally {
      socket.terminate();
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, index) => runClient(index)));
  return { rtts, connected, failures: [...failures], failureCount };
}
