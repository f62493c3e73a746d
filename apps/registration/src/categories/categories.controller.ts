import { Access, ApiAccessProblems, ApiProblem, CurrentCaller, Problem, UuidParamPipe, type Caller } from '#common';
import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { categoryCode, categorySchema, type CategoryInput } from './categories.schema.js';
import { CategoriesService } from './categories.service.js';
import { categoryList, categoryView, formCategoryList } from './categories.view.js';

const ORGANISERS_ONLY = 'The token is not an organiser of this mission.';
const NO_SETTINGS = 'Registration does not know the mission, or the mission takes no registrations (no settings).';

@ApiTags('registration categories')
@Controller('missions/:id')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get('categories')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: "The mission's registration categories, in form order, with every language.", standardSchema: categoryList })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SETTINGS)
  list(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string) {
    return this.categories.list(caller, missionId);
  }

  @Put('categories/:code')
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({
    description: 'The category, created or replaced (its code and id never change); seats a larger capacity frees have gone to the waitlist already.',
    standardSchema: categoryView,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID, the code is not valid, or a field of the body is not valid; `errors` names each.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SETTINGS)
  put(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) missionId: string,
    @Param('code') code: string,
    @Body({ schema: categorySchema }) body: CategoryInput,
  ) {
    return this.categories.put(caller, missionId, validCode(code), body);
  }

  @Delete('categories/:code')
  @HttpCode(204)
  @Access('organiser')
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'The category is removed.' })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', `${NO_SETTINGS} Or the mission has no such category.`)
  @ApiProblem(HttpStatus.CONFLICT, 'category-in-use', 'Registrations name the category: it stays.')
  async remove(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) missionId: string, @Param('code') code: string) {
    await this.categories.remove(caller, missionId, code);
  }

  /** Public: what a registration form shows of the categories, in the caller's language. */
  @Get('registration-form/categories')
  @ApiOkResponse({
    description:
      "The mission's categories as the form shows them, in form order: names, labels and options in the language of `Accept-Language` that each has (else English, else its first), whether each is open now, its questions.",
    standardSchema: formCategoryList,
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SETTINGS)
  form(@Param('id', new UuidParamPipe()) missionId: string, @Headers('accept-language') acceptLanguage: string | undefined) {
    return this.categories.form(missionId, acceptLanguage);
  }
}

function validCode(code: string): string {
  const parsed = categoryCode.safeParse(code);
  if (parsed.success) return parsed.data;
  throw Problem.validation([{ field: 'code', message: parsed.error.issues[0]!.message }]);
}
