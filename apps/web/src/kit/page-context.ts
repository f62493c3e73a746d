import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { languages, type Language } from './language.js';

/** What every page handler knows of its request: set by the page middleware (`page-middleware.ts`). */
export interface PageContext {
  language: Language;
  /** `<html lang>` and Intl's locale. */
  locale: string;
  /** The path of the page, without its query (for the language switch). */
  path: string;
  query: Record<string, string>;
}

export function pageContextOf(request: Request, response: Response): PageContext {
  const language = (response.locals.language as Language | undefined) ?? 'en';
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.query)) if (typeof value === 'string') query[name] = value;
  return { language, locale: languages[language].htmlLang, path: request.path, query };
}

/** `@Page() page: PageContext` in a page handler. */
export const Page = createParamDecorator((_: unknown, context: ExecutionContext): PageContext => {
  const http = context.switchToHttp();
  return pageContextOf(http.getRequest<Request>(), http.getResponse<Response>());
});
