import type {Logger, MetricEvent, Telemetry} from '@protontech/drive-sdk';

export type DebugLog = (line: string) => void;

/** Storage tokens, bearer tokens and armored PGP blocks must never reach a log. */
export function redact(text: string): string {
	return text
		.replace(/-----BEGIN PGP[\s\S]*?-----END PGP [A-Z ]+-----/g, '[pgp]')
		.replace(/(Bearer\s+)[\w.~+/=-]+/gi, '$1[redacted]')
		.replace(/(token["'=:\s]+)[\w.~+/=-]{8,}/gi, '$1[redacted]')
		.replace(/(\bto |:)[A-Za-z0-9_-]{24,}={0,2}(?=[\s:]|$)/g, '$1[redacted]');
}

function describe(error: unknown): string {
	if (error instanceof Error) return `${error.name}: ${error.message}`;
	return String(error);
}

/**
 * A quiet telemetry for the SDK: nothing reaches the console; logs (and metrics) go to an optional debug
 * logger, with tokens and key material redacted.
 */
export function createSdkTelemetry(log?: DebugLog): Telemetry<MetricEvent> {
	const write = (level: string, name: string, msg: string, error?: unknown) => {
		if (!log) return;
		const suffix = error === undefined ? '' : ` (${describe(error)})`;
		log(redact(`[sdk:${name}] ${level} ${msg}${suffix}`));
	};
	return {
		getLogger(name: string): Logger {
			return {
				debug: (msg) => write('debug', name, msg),
				info: (msg) => write('info', name, msg),
				warn: (msg) => write('warn', name, msg),
				error: (msg, error) => write('error', name, msg, error),
			};
		},
		recordMetric(event: MetricEvent) {
			if (!log) return;
			log(redact(`[sdk:metric] ${event.eventName}`));
		},
	};
}
