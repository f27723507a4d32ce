const UNITS = ['kB', 'MB', 'GB', 'TB', 'PB'];

/** Human size with decimal units: 999 B, 1.0 kB, 3.2 MB, 12 GB. */
export function formatSize(bytes: number | undefined): string {
	if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '';
	if (bytes < 1000) return `${Math.round(bytes)} B`;
	let value = bytes;
	let unit = -1;
	while (value >= 999.95 && unit < UNITS.length - 1) {
		value /= 1000;
		unit++;
	}
	const text = value < 10 ? value.toFixed(1) : String(Math.round(value));
	return `${text} ${UNITS[unit]}`;
}

/** 1240 → "1,240" independent of the user's locale. */
export function formatCount(n: number): string {
	return Math.trunc(n)
		.toString()
		.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
