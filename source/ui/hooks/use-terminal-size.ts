import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

/** The terminal's size, updated on resize (Ink 6 has no hook for it). Falls back to 80x24. */
export function useTerminalSize(): {width: number; height: number} {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => sizeOf(stdout));
	useEffect(() => {
		const onResize = () => setSize(sizeOf(stdout));
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}

function sizeOf(stdout: NodeJS.WriteStream): {width: number; height: number} {
	return {width: stdout.columns || 80, height: stdout.rows || 24};
}
