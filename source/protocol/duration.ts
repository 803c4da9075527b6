const minute = 60_000;

/** A wait for people: "5m00s", "30s", "1.5s". */
export function formatDuration(ms: number): string {
	if (ms < 10_000) return `${Number((ms / 1000).toFixed(1))}s`;
	if (ms < minute) return `${Math.round(ms / 1000)}s`;
	const seconds = Math.round(ms / 1000);
	return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
