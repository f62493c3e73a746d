/**
 * One server of `bench:http`, in a process of its own: `node:http` alone, or Nest on Express, or Nest
 * on Fastify, each taking the same POST (a registration form, checked with the same zod schema) and
 * answering 201 with a small JSON body. No database: what is compared is the HTTP stack.
 */
import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Body, Controller, HttpCode, Module, Param, Post, StandardSchemaValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { registerSchema } from '../../apps/registration/src/registrations/registration.schema.js';

const stack = process.argv[2] as 'node' | 'express' | 'fastify';

@Controller()
class FormController {
  @Post('api/missions/:id/registrations')
  @HttpCode(201)
  register(@Param('id') missionId: string, @Body({ schema: registerSchema }) body: { email: string }) {
    return { id: randomUUID(), missionId, email: body.email, status: 'confirmed' };
  }
}

@Module({ controllers: [FormController] })
class FormModule {}

let port: number;
if (stack === 'node') {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const parsed = registerSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      const missionId = request.url!.split('/')[3];
      const body = parsed.success
        ? JSON.stringify({ id: randomUUID(), missionId, email: parsed.data.email, status: 'confirmed' })
        : JSON.stringify({ title: 'invalid' });
      response.writeHead(parsed.success ? 201 : 400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
} else {
  const app =
    stack === 'fastify'
      ? await NestFactory.create(FormModule, new FastifyAdapter(), { logger: false })
      : await NestFactory.create(FormModule, { logger: false });
  app.useGlobalPipes(new StandardSchemaValidationPipe());
  await app.listen(0, '127.0.0.1');
  port = (app.getHttpServer().address() as AddressInfo).port;
}
process.send?.({ port });
