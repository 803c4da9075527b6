/**
What the explorer shows of a mailbox: the demo server implements it, and the UI knows
only this shape (the UI layer never imports the server).
*/
export type MailboxMessage = {
	id: number;
	/** MAIL FROM address, '' for the null sender. */
	from: string;
	recipients: string[];
	size: number;
	subject: string;
	/** The message as received. */
	raw: Uint8Array;
	tls: boolean;
	authUser?: string;
};

export type MailboxSource = {
	readonly messages: readonly MailboxMessage[];
	/** The practice login, shown in the sidebar. */
	credentials: {user: string; password: string};
	onMessage(listener: () => void): () => void;
};
