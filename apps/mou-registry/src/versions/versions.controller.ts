import { Access, CurrentCaller, Idempotent, OrdinalParamPipe, UuidParamPipe, type Caller } from '#common';
import { languageTag } from '#contracts';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { documentTypes } from './version.rules.js';
import { VersionsService } from './versions.service.js';

const uploadQuery = z.object({ language: languageTag });
const signAmendmentSchema = z.object({ signedOn: z.iso.date(), signedPlace: z.string().trim().min(1).max(200) }).strict();

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
  add(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Query({ schema: uploadQuery }) query: z.infer<typeof uploadQuery>,
    @Headers('content-type') mediaType: string | undefined,
    @Body() body: unknown,
  ) {
    return this.versions.add(caller, id, query.language, mediaType, body);
  }

  @Get()
  list(@CurrentCaller() caller: Caller, @Param('id', new UuidParamPipe()) id: string) {
    return this.versions.list(caller, id);
  }

  /** The bytes as stored; `Repr-Digest` and `X-Content-SHA256` carry their hash, to check against the register. */
  @Get(':version/document')
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
  sign(
    @CurrentCaller() caller: Caller,
    @Param('id', new UuidParamPipe()) id: string,
    @Param('version', new OrdinalParamPipe()) version: number,
    @Body({ schema: signAmendmentSchema }) body: z.infer<typeof signAmendmentSchema>,
  ) {
    return this.versions.signAmendment(caller, id, version, body);
  }
}
