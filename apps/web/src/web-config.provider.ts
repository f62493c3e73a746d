/** The injection token of the web entry's `WebConfig`. */
export const WEB_CONFIG = Symbol('WEB_CONFIG');
