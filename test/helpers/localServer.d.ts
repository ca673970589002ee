// Types of localServer.js, kept free of node:* imports (the n8n lint reads every .ts file).
interface Request {
	headers: Record<string, string | string[] | undefined>;
}
interface Response {
	writeHead(status: number, headers?: Record<string, string | number>): unknown;
	end(body?: string): unknown;
}
type Handler = (req: Request, res: Response, body: string) => void;

export interface LocalServer {
	url: string;
	requests: Array<{ method: string; url: string; headers: Request['headers']; body: string }>;
	close(): Promise<void>;
}

export function startLocalServer(handler: Handler): Promise<LocalServer>;
export function trickle(status: number, json: unknown, everyMs: number): Handler;
export function redirect(status: number, location: string): Handler;
export function json(status: number, body: unknown, headers?: Record<string, string>): Handler;
