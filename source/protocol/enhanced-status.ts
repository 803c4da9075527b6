/**
Enhanced mail system status codes (RFC 3463) as they appear at the start of reply text
when the server advertises ENHANCEDSTATUSCODES (RFC 2034 3): `550 5.1.1 No such user`.
*/
export type EnhancedStatus = {
	/** 2 success, 4 persistent transient failure, 5 permanent failure (RFC 3463 3.1). */
	class: 2 | 4 | 5;
	subject: number;
	detail: number;
	/** As written: "5.1.1". */
	code: string;
};

// RFC 3463 2: class "." subject "." detail; subject and detail are 1 to 3 digits with no
// leading zero. The code is followed by a space or ends the text.
const pattern = /^([245])\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})(?= |$)/;

/** Parses an enhanced status code like "5.7.1" (alone or as the start of a text). */
export function parseEnhancedStatus(text: string): EnhancedStatus | undefined {
	const match = pattern.exec(text);
	if (!match) return undefined;
	return {
		class: Number(match[1]) as 2 | 4 | 5,
		subject: Number(match[2]),
		detail: Number(match[3]),
		code: match[0],
	};
}

/**
Reads the enhanced code at the start of one reply line's text. RFC 2034 3 requires its
class to match the first digit of the reply code; a code of another class is not taken as
one (it is probably ordinary text), so a `250 5.0.0` line has no enhanced code.
*/
export function enhancedStatusOfLine(replyCode: number, text: string): EnhancedStatus | undefined {
	const status = parseEnhancedStatus(text);
	if (!status || status.class !== Math.floor(replyCode / 100)) return undefined;
	return status;
}
