import {
  Access,
  ApiAccessProblems,
  ApiIdempotencyProblems,
  ApiProblem,
  CurrentCaller,
  Idempotent,
  OrdinalParamPipe,
  UuidParamPipe,
  type Caller,
  CurrentIdempotencyKey,
  type IdempotencyKey,
} from '#common';
import { languageTag } from '#contracts';
import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { versionView } from './version.view.js';
import { DOCUMENT_LIMIT, documentTypes } from './version.rules.js';
import { VersionsService } from './versions.service.js';

const uploadQuery = z.object({ language: languageTag });
const signAmendmentSchema = z.object({ signedOn: z.iso.date(), signedPlace: z.string().trim().min(1).max(200) }).strict();

const NO_SUCH_MOU = 'No MoU has this id.';
const ORGANISERS_ONLY = "The token is not an organiser of the MoU's mission (of every mission, for an MoU of none).";

@ApiTags('mous')
@Controller('mous/:id/versions')
export class VersionsController {
  constructor(private readonly versions: VersionsService) {}

  /** A new version of the text: the document itself is the body; the registry keeps it with its SHA-256 and size. */
  @Post()
  @Access('organiser')
  @Idempotent()
  @ApiBearerAuth()
  @ApiConsumes(...documentTypes)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiIdempotencyProblems()
  @ApiCreatedResponse({
    description:
      'The version as stored, with its SHA-256 and size: a draft of the text before the MoU is signed, an amendment after; `mou.version_added` announces it.',
    standardSchema: versionView,
  })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'The id is not a UUID, `language` is not a language tag, the document is empty, or the Idempotency-Key is not valid; `errors` names each.',
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', NO_SUCH_MOU)
  @ApiProblem(HttpStatus.CONFLICT, 'mou-closed', 'The MoU is completed, terminated or expired: it takes no new versions; the problem has `currentStatus`.')
  @ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, 'body-too-large', `The document is larger than ${DOCUMENT_LIMIT}.`)
  @ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported-media-type', `The body is not the document itself, as one of: ${documentTypes.join(', ')}.`)
  add(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Query({ schema: uploadQuery }) query: z.infer<typeof uploadQuery>,
    @Headers('content-type') mediaType: string | undefined,
    @Body() body: unknown,
    @CurrentIdempotencyKey() key: IdempotencyKey | undefined,
  ) {
    return this.versions.add(caller, id, query.language, mediaType, body, key);
  }

  @Get()
  @ApiOkResponse({ description: 'The versions of the text, oldest first.', standardSchema: z.array(versionView) })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID.')
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No MoU has this id, or it is for organisers only and the token is not an organiser of its mission.')
  list(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.versions.list(caller, id);
  }

  /** The bytes as stored; `Repr-Digest` and `X-Content-SHA256` carry their hash, to check against the register. */
  @Get(':version/document')
  @ApiOkResponse({
    description: 'The document of the version, as uploaded, as an attachment in its media type.',
    headers: {
      'X-Content-SHA256': { description: 'The SHA-256 of the document, in hex, as the register has it.', schema: { type: 'string' } },
      'Repr-Digest': { description: 'The same hash, as RFC 9530 `sha-256=:<base64>:`.', schema: { type: 'string' } },
    },
    content: Object.fromEntries(documentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  })
  @ApiProblem(HttpStatus.BAD_REQUEST, 'validation', 'The id is not a UUID, or the version is not a whole number from 1.')
  @ApiProblem(
    HttpStatus.NOT_FOUND,
    'not-found',
    'No MoU has this id (or it is for organisers only and the token is not an organiser of its mission), or it has no such version.',
  )
  async document(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('version', new OrdinalParamPipe()) version: number,
    @Res({ passthrough: true }) response: Response,
  ) {
    const document = await this.versions.document(caller, id, version);
    response.setHeader('X-Content-SHA256', document.sha256);
    response.setHeader('Repr-Digest', `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`);
    return new StreamableFile(document.content, {
      type: document.mediaType,
      disposition: `attachment; filename="mou-${id}-v${version}"`,
      length: document.content.length,
    });
  }

  /** Signs an amendment (a version added after the MoU was signed); it is frozen from then on. */
  @Post(':version/sign')
  @HttpCode(200)
  @Access('organiser')
  @ApiBearerAuth()
  @ApiOkResponse({ description: 'The amendment, signed, and frozen from now on; `mou.updated` announces it.', standardSchema: versionView })
  @ApiProblem(
    HttpStatus.BAD_REQUEST,
    'validation',
    'The id is not a UUID, the version is not a whole number from 1, or a field of the body is not valid; `errors` names each.',
  )
  @ApiAccessProblems(ORGANISERS_ONLY)
  @ApiProblem(HttpStatus.NOT_FOUND, 'not-found', 'No MoU has this id, or it has no such version.')
  @ApiProblem(
    HttpStatus.CONFLICT,
    'version-not-signable',
    'The version is signed already, or is the text before signing (signed with the MoU, by moving it to `signed`), or the MoU is neither signed nor in force; the problem has `currentStatus`.',
  )
  sign(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('version', new OrdinalParamPipe()) version: number,
    @Body({ schema: signAmendmentSchema }) body: z.infer<typeof signAmendmentSchema>,
  ) {
    return this.versions.signAmendment(caller, id, version, body);
  }
}
