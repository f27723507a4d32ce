import {Text} from 'ink';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export function isTooSmall(columns: number, rows: number): boolean {
	return columns < MIN_COLUMNS || rows < MIN_ROWS;
}

export function tooSmallText(columns: number, rows: number): string {
	return `Terminal too small: ${columns}×${rows}, need at least ${MIN_COLUMNS}×${MIN_ROWS}`;
}

export function TooSmall({columns, rows}: {columns: number; rows: number}) {
	return (
		<Text color="yellow" wrap="wrap">
			{tooSmallText(columns, rows)}
		</Text>
	);
}
