/**
What the validator says about a line. An error is never sent; a warning is sent only after
the user confirms; info is advice.
*/
export type Severity = 'error' | 'warning' | 'info';

export type Diagnostic = {
	severity: Severity;
	/** A stable identifier, for tests and for hiding advice the user has seen. */
	code: string;
	message: string;
	/** How to fix it, in one short sentence. */
	hint?: string;
	/** Offsets into the typed line (code units), for underlining. */
	start: number;
	end: number;
};

/** What happens on Enter, given the diagnostics. */
export type Verdict = 'send' | 'confirm' | 'blocked';

export function verdictOf(diagnostics: readonly Diagnostic[]): Verdict {
	if (diagnostics.some(diagnostic => diagnostic.severity === 'error')) return 'blocked';
	if (diagnostics.some(diagnostic => diagnostic.severity === 'warning')) return 'confirm';
	return 'send';
}

/** Errors first, then warnings, then info; within a severity, by position. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
	const rank = {error: 0, warning: 1, info: 2} as const;
	return diagnostics.sort((a, b) => rank[a.severity] - rank[b.severity] || a.start - b.start);
}
