import {Box, Text} from 'ink';
import type {ReactNode} from 'react';

/** The double-bordered frame that covers the panes (help, the transfer list), with a bold title. */
export function OverlayFrame({
	title,
	width,
	height,
	children,
}: {
	title: string;
	width: number;
	height: number;
	children: ReactNode;
}) {
	return (
		<Box
			flexDirection="column"
			borderStyle="double"
			borderColor="cyan"
			width={width}
			height={height}
			paddingX={1}
		>
			<Text bold wrap="truncate">
				{title}
			</Text>
			{children}
		</Box>
	);
}
