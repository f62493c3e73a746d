/**
 * SMTP connections kept open to the server; as many e-mails as this are sent at once. A first
 * attempt holds a database connection while it sends (see DeliveriesService), so notifications'
 * pool has this many connections on top of `DB_POOL_SIZE` (see NotificationsModule): e-mails on
 * their way leave the rest of the service its `DB_POOL_SIZE`. An SMTP exchange is mostly waiting
 * for the other side (10 connections capped the mail path near 100 mails/s in the benchmark), so
 * more of them at once raise what the mail path carries.
 */
export const SMTP_CONNECTIONS = 20;
