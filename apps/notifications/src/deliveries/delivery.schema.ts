import { pageQuery } from '#common';
import { z } from 'zod';

export const deliveryStatuses = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const deliveryListQuery = pageQuery.extend({ status: z.enum(deliveryStatuses).optional() });
export type DeliveryListQuery = z.infer<typeof deliveryListQuery>;
