/** The instance n8n-core's container holds for a service class, such as PollTriggerExecutor. */
export declare function n8nService<T>(type: abstract new (...args: never[]) => T): T;
