import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * A zod schema's output as an OpenAPI schema, the way `standardSchema` converts it, for a response
 * whose media types differ: `standardSchema` gives every media type of the response the same schema.
 */
export function openApiSchemaOf(schema: z.ZodType): SchemaObject {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output' }) as SchemaObject;
}
