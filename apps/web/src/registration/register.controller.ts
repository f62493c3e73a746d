import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { messagePage } from '../kit/layout.js';
import { Page, type PageContext } from '../kit/page-context.js';
import { ServiceApi, type ApiAnswer } from '../kit/service-api.js';
import { startSession } from '../participant/participant-session.js';
import { acceptLanguageOf, categoryBody, readCategoryForm, splitCategoryErrors, type FormCategory } from './register.categories.js';
import { errorsOnFields, invitedDelegation, newIdempotencyKey, readForm, registrationBody, type RegistrationForm } from './register.form.js';
import { outcomePage, registerPage } from './register.page.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Created {
  id: string;
  status: 'confirmed' | 'waitlisted' | 'pending_approval';
  accessToken: string;
}

/**
 * The registration form: GET shows it as the mission's settings make it, POST takes the plain form
 * post (or the same post sent by its script) and answers the form again with its errors, or the outcome.
 */
@Controller('m/:missionId/register')
export class RegisterController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async show(@Page() page: PageContext, @Param('missionId') missionId: string, @Res() response: Response) {
    const form = await this.form(page, missionId, response);
    if (!form) return;
    if (form.window !== 'open') {
      response.type('html').send(outcomePage(page, form, { kind: form.window, opensAt: form.opensAt, closesAt: form.closesAt }, false));
      return;
    }
    const categories = await this.categories(page, missionId);
    // A head's invitation link chooses their delegation (`?delegationId=`, DESIGN.md "Delegations").
    const invited = invitedDelegation(form, page.query.delegationId);
    response
      .type('html')
      .send(
        registerPage(page, form, { values: invited ? { delegation: invited } : {}, idempotencyKey: newIdempotencyKey(), errors: {}, general: [] }, categories),
      );
  }

  @Post()
  async submit(
    @Page() page: PageContext,
    @Param('missionId') missionId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const form = await this.form(page, missionId, response);
    if (!form) return;
    const { values, idempotencyKey } = readForm(body ?? {});
    const categories = await this.categories(page, missionId);
    const categoryValues = readCategoryForm(body ?? {}, categories);
    const created = await this.api.call<Created>('registration', `/api/missions/${missionId}/registrations`, {
      method: 'POST',
      body: { ...registrationBody(values), ...categoryBody(categories, categoryValues) },
      headers: { 'idempotency-key': idempotencyKey },
    });
    if (created.ok) {
      // The participant's session, as the sign-in link would set it: `/p/` then leads to their own pages.
      startSession(request, response, { accessToken: created.body.accessToken, missionId, registrationId: created.body.id });
      const email = values.email?.trim() ?? '';
      const outcome =
        created.body.status === 'waitlisted'
          ? { kind: 'waitlisted' as const, email, position: await this.waitlistPosition(created.body) }
          : { kind: created.body.status, email };
      response
        .status(201)
        .type('html')
        .send(outcomePage(page, form, outcome, true));
      return;
    }
    const kind = String(created.problem.type).split('/').pop();
    // A category closed (or full) while the mission is open: said on the form, where another category may be chosen.
    if (kind === 'registration-closed' && !created.problem.category) {
      const closed = (created.problem.opensAt && new Date(String(created.problem.opensAt)) > new Date() ? 'not-yet-open' : 'closed') as
        'closed' | 'not-yet-open';
      const opensAt = (created.problem.opensAt as string | null) ?? null;
      const closesAt = (created.problem.closesAt as string | null) ?? null;
      response
        .status(422)
        .type('html')
        .send(outcomePage(page, form, { kind: closed, opensAt, closesAt }, false));
      return;
    }
    const { rest, ...categoryErrors } = splitCategoryErrors(created.fieldErrors, categoryValues.category);
    const { fields, general } = errorsOnFields(rest);
    const alreadyRegistered = kind === 'already-registered';
    if (created.problem.category && (kind === 'category-full' || kind === 'registration-closed'))
      categoryErrors.category = kind === 'category-full' ? 'category-full' : 'category-closed';
    const onCategory = categoryErrors.category !== undefined || Object.keys(categoryErrors.answers).length > 0;
    if (!alreadyRegistered && !onCategory && Object.keys(fields).length === 0 && general.length === 0)
      general.push(created.problem.detail ?? created.problem.title);
    // A corrected form is another request: it gets a key of its own.
    response
      .status(created.status >= 500 ? 503 : created.status)
      .type('html')
      .send(
        registerPage(
          page,
          form,
          { values, idempotencyKey: newIdempotencyKey(), errors: fields, general, alreadyRegistered, categoryValues, categoryErrors },
          categories,
        ),
      );
  }

  private async form(page: PageContext, missionId: string, response: Response): Promise<RegistrationForm | undefined> {
    if (!UUID.test(missionId)) throw new NotFoundException();
    const form = await this.api.call<RegistrationForm>('registration', `/api/missions/${missionId}/registration-form`, {
      headers: { 'accept-language': page.locale },
    });
    if (form.ok) return form.body;
    if (form.status === 404) throw new NotFoundException();
    response.status(503).type('html').send(messagePage(page, 'unavailable'));
    return undefined;
  }

  /** The mission's categories in the page's language; none when it has none (or registration cannot say: the form then works as without). */
  private async categories(page: PageContext, missionId: string): Promise<FormCategory[]> {
    const answer = await this.api.call<{ items: FormCategory[] }>('registration', `/api/missions/${missionId}/registration-form/categories`, {
      headers: { 'accept-language': acceptLanguageOf(page.language) },
    });
    return answer.ok ? answer.body.items : [];
  }

  /** The 201 has no place in the line; the participant's own token reads it. */
  private async waitlistPosition(created: Created): Promise<number | null> {
    const registration: ApiAnswer<{ waitlistPosition: number | null }> = await this.api.call('registration', `/api/registrations/${created.id}`, {
      credential: `Bearer ${created.accessToken}`,
    });
    return registration.ok ? registration.body.waitlistPosition : null;
  }
}
