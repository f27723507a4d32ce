const two = (n: number) => String(n).padStart(2, '0');

/** Modified time for a pane row: "2024-05-01 12:34" in local time, '' when unknown. */
export function formatTime(date: Date | undefined): string {
	if (!date || Number.isNaN(date.getTime())) return '';
	return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** Duration for ETAs: "42s", "3m 05s", "1h 02m"; '' when unknown. */
export function formatDuration(seconds: number | undefined): string {
	if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
	const s = Math.round(seconds);
	if (s < 60) return `${s}s`;
	if (s < 3600) return `${Math.floor(s / 60)}m ${two(s % 60)}s`;
	return `${Math.floor(s / 3600)}h ${two(Math.floor((s % 3600) / 60))}m`;
}
