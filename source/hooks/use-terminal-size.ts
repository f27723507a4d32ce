import {useWindowSize} from 'ink';

/** Terminal columns × rows, re-rendering on resize (Ink listens to stdout 'resize'). */
export function useTerminalSize(): {columns: number; rows: number} {
	const {columns, rows} = useWindowSize();
	return {columns, rows};
}
