import {Text} from 'ink';
import {useEffect, useState} from 'react';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A small spinner with a label, e.g. "Signing in…". */
export function Spinner({label}: {label: string}) {
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		const t = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 100);
		return () => clearInterval(t);
	}, []);
	return (
		<Text color="cyan">
			{FRAMES[frame]} {label}
		</Text>
	);
}
