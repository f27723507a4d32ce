/** Speeds are averaged over this window of recent progress samples. */
export const SPEED_WINDOW_MS = 3000;

interface Sample {
	t: number;
	bytes: number;
}

/**
 * Moving-average transfer speed: bytes moved over the last ~3 s, divided by the time since the
 * window's first sample. Computed at read time, so a stalled transfer decays to 0.
 */
export class SpeedMeter {
	#samples: Sample[] = [];

	constructor(readonly windowMs = SPEED_WINDOW_MS) {}

	start(t: number, bytes = 0): void {
		this.#samples = [{t, bytes}];
	}

	add(t: number, bytes: number): void {
		this.#samples.push({t, bytes});
		// Keep the newest sample at or before the window start as the base, drop older ones.
		const cutoff = t - this.windowMs;
		while (this.#samples.length > 2 && this.#samples[1].t <= cutoff) this.#samples.shift();
	}

	/** Bytes per second at time `now`. */
	speed(now: number): number {
		const samples = this.#samples;
		if (samples.length === 0) return 0;
		const cutoff = now - this.windowMs;
		let base = samples[0];
		for (const sample of samples) {
			if (sample.t <= cutoff) base = sample;
			else break;
		}
		const last = samples[samples.length - 1];
		const elapsed = Math.max(now, last.t) - base.t;
		if (elapsed <= 0) return 0;
		return Math.max(0, ((last.bytes - base.bytes) * 1000) / elapsed);
	}
}

/** Seconds left at `speed` B/s, or undefined while the speed is unknown. */
export function etaSeconds(
	bytesDone: number,
	bytesTotal: number,
	speed: number,
): number | undefined {
	if (!(speed > 0) || bytesTotal <= 0) return undefined;
	return Math.max(0, bytesTotal - bytesDone) / speed;
}
