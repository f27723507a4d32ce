// A loopback HTTP proxy in front of the emulator that can hold chosen requests until released, so a
// test can keep a transfer "running" for as long as it needs — without hooks in the product.
import http from 'node:http';
import type {AddressInfo} from 'node:net';

export interface GateProxy {
	/** http://127.0.0.1:PORT — pass it as --api-url. */
	url: string;
	/** From now on, matching requests wait (they are not forwarded yet). */
	close(): void;
	/** Forwards every held request and lets later ones through. */
	open(): void;
	/** How many requests are waiting at the gate. */
	held(): number;
	stop(): Promise<void>;
}

export async function startGateProxy(
	target: string,
	holds: (method: string, path: string) => boolean,
): Promise<GateProxy> {
	const upstream = new URL(target);
	let closed = false;
	const waiting: (() => void)[] = [];

	const forward = (req: http.IncomingMessage, res: http.ServerResponse) => {
		const out = http.request(
			{
				host: upstream.hostname,
				port: upstream.port,
				method: req.method,
				path: req.url,
				headers: {...req.headers, host: upstream.host},
			},
			(reply) => {
				res.writeHead(reply.statusCode ?? 502, reply.headers);
				reply.pipe(res);
			},
		);
		out.on('error', () => res.destroy());
		req.pipe(out);
	};

	const server = http.createServer((req, res) => {
		if (closed && holds(req.method ?? 'GET', req.url ?? '/')) {
			req.pause();
			waiting.push(() => {
				req.resume();
				forward(req, res);
			});
			return;
		}
		forward(req, res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;

	return {
		url: `http://127.0.0.1:${port}`,
		close() {
			closed = true;
		},
		open() {
			closed = false;
			for (const release of waiting.splice(0)) release();
		},
		held: () => waiting.length,
		async stop() {
			waiting.length = 0;
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
